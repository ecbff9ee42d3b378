-- Personas: the voices a tenant's AI writes in (issue 3). Tone scales run 0..100:
-- formality 0 formal .. 100 casual, detail 0 concise .. 100 detailed, warmth 0 warm .. 100 direct.
create table personas (
  id                  bigserial primary key,
  name                text not null check (length(name) between 1 and 80),
  role                text,
  tone_formality      smallint not null check (tone_formality between 0 and 100),
  tone_detail         smallint not null check (tone_detail between 0 and 100),
  tone_warmth         smallint not null check (tone_warmth between 0 and 100),
  industry_focus      text[] not null default '{}',
  value_propositions  text[] not null default '{}',
  writing_samples     text[] not null default '{}',
  signature           text,
  default_channel     text not null check (default_channel in ('EMAIL', 'SMS', 'LINKEDIN', 'CALL')),
  language            text not null check (language ~ '^[a-z]{2}$'),
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
-- Names are unique per tenant regardless of case.
create unique index personas_name_key on personas (lower(name));
