-- AI message generation (issue 4): settings, call ledger and generation cache of one tenant.

-- One row: the provider, model and API key this tenant's AI uses. The key is AES-GCM encrypted
-- under the operator's master key (12-byte IV || ciphertext+tag); key_hint keeps its last 4
-- characters so the UI can show which key is set without decrypting it.
create table ai_settings (
  id                    smallint primary key default 1 check (id = 1),
  provider              text not null default 'OPENROUTER' check (provider in ('OPENROUTER', 'MISTRAL')),
  model                 text not null check (length(model) between 1 and 200),
  api_key_encrypted     bytea,
  key_hint              text,
  temperature           numeric(3, 2) not null default 0.70 check (temperature between 0 and 2),
  monthly_token_budget  bigint not null default 200000 check (monthly_token_budget > 0),
  updated_at            timestamptz not null default now(),
  updated_by            text
);

-- Every generation attempt against a provider, and every answer served from the cache.
create table ai_call (
  id                 bigserial primary key,
  at                 timestamptz not null default now(),
  provider           text not null,
  model              text not null,
  prompt_tokens      integer not null default 0 check (prompt_tokens >= 0),
  completion_tokens  integer not null default 0 check (completion_tokens >= 0),
  -- USD; 0 with priced = false when the price table has no entry for the model
  cost_usd           numeric(14, 8) not null default 0,
  priced             boolean not null default true,
  latency_ms         bigint not null default 0,
  attempts           smallint not null default 1,
  cache_hit          boolean not null default false,
  outcome            text not null check (outcome in ('SUCCESS', 'CACHE_HIT', 'FAILED')),
  error              text,
  lead_id            bigint,
  persona_id         bigint,
  actor              text
);
create index ai_call_at_idx on ai_call (at desc);

-- Generated drafts by sha256(tenant + template version + provider + model + temperature + prompt).
create table ai_cache (
  cache_key          text primary key,
  subject            text not null,
  body               text not null,
  rationale          text,
  generator          text not null,
  prompt_tokens      integer not null default 0,
  completion_tokens  integer not null default 0,
  created_at         timestamptz not null default now()
);
