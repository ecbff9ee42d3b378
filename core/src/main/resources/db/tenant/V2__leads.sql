-- Leads of one tenant. Email is unique per tenant, case-insensitively.
create table leads (
  id              bigserial primary key,
  first_name      text,
  last_name       text,
  email           text not null,
  phone           text,
  company         text,
  title           text,
  industry        text,
  company_size    text,
  country         text,
  timezone        text,
  linkedin_url    text,
  website         text,
  tags            text[] not null default '{}',
  owner_id        bigint,
  stage           text not null default 'new'
                  check (stage in ('new', 'contacted', 'replied', 'meeting', 'negotiation', 'won', 'lost')),
  score           integer not null default 0 check (score between 0 and 100),
  -- per channel (email, sms, calls): {"status": "granted|denied|unknown", "source": "...", "at": "..."}
  consent         jsonb not null default '{}',
  do_not_contact  boolean not null default false,
  custom_fields   jsonb not null default '{}',
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  created_by      text,
  updated_by      text
);
create unique index leads_email_uq on leads (lower(email));
create index leads_stage_idx on leads (stage, id);
create index leads_owner_idx on leads (owner_id, id);
create index leads_industry_idx on leads (industry, id);
create index leads_tags_idx on leads using gin (tags);
create index leads_created_idx on leads (created_at desc, id desc);

-- CSV imports: one row per job, progress updated in each chunk's transaction.
create table lead_imports (
  id                bigserial primary key,
  status            text not null default 'STARTING'
                    check (status in ('STARTING', 'STARTED', 'COMPLETED', 'FAILED')),
  file_name         text not null,
  file_path         text not null,
  file_bytes        bigint not null,
  mapping           jsonb not null default '{}',
  duplicate_policy  text not null default 'SKIP' check (duplicate_policy in ('SKIP', 'UPDATE', 'CREATE')),
  encoding          text,
  delimiter         text,
  processed         integer not null default 0,
  imported          integer not null default 0,
  updated           integer not null default 0,
  skipped           integer not null default 0,
  failed            integer not null default 0,
  bytes_read        bigint not null default 0,
  execution_id      bigint,
  error             text,
  created_by        text,
  created_at        timestamptz not null default now(),
  finished_at       timestamptz
);

create table lead_import_errors (
  import_id   bigint not null references lead_imports (id) on delete cascade,
  row_number  bigint not null,
  column_name text,
  reason      text not null
);
create index lead_import_errors_idx on lead_import_errors (import_id, row_number);
