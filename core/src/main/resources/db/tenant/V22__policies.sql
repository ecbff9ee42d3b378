-- The policy engine (issue 14): a tenant's compliance rules as data. One row per rule; every
-- change (create, update, delete) also writes the full rule to policy_versions with who and when,
-- so the history survives the policy itself.

create table policies (
  id           bigserial primary key,
  name         text not null,
  kind         text not null check (kind in ('max_discount', 'forbidden_phrase', 'required_text',
                 'channel_consent', 'contact_frequency', 'send_hours', 'competitor_mention',
                 'other_personal_data')),
  severity     text not null check (severity in ('block', 'warn', 'log')),
  rule         jsonb not null,
  explanation  text not null,
  enabled      boolean not null default true,
  version      int not null default 1,
  created_at   timestamptz not null,
  created_by   text,
  updated_at   timestamptz not null,
  updated_by   text
);

create table policy_versions (
  id           bigserial primary key,
  policy_id    bigint not null,
  version      int not null,
  change       text not null check (change in ('created', 'updated', 'deleted')),
  name         text not null,
  kind         text not null,
  severity     text not null,
  rule         jsonb not null,
  explanation  text not null,
  enabled      boolean not null,
  changed_by   text,
  changed_at   timestamptz not null,
  unique (policy_id, version)
);
