-- GDPR and privacy (issue 17): per-person export and erasure as jobs, the hashed suppression entries
-- erasure leaves behind, and the tenant's retention settings.

-- What is left of an erased person: SHA-256 (hex) of the normalised email (trimmed, lower-case) or
-- phone (digits and a leading +). Nobody can read the address back, yet the relay, hand sends and
-- imports can tell that it may never be contacted (or stored) again.
create table suppression_hashes (
  hash    text primary key check (hash ~ '^[0-9a-f]{64}$'),
  kind    text not null check (kind in ('EMAIL', 'PHONE')),
  reason  text not null default 'ERASED' check (reason in ('ERASED')),
  at      timestamptz not null default now()
);

-- One export or erasure of a lead, run by the privacy-request batch job step by step (steps_done
-- commits with each step, so a restart goes on after the last). lead_id has no foreign key: an
-- erasure deletes the lead and keeps the request as its record.
create table privacy_requests (
  id            bigserial primary key,
  kind          text not null check (kind in ('EXPORT', 'ERASE')),
  lead_id       bigint not null,
  status        text not null default 'QUEUED'
                check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
  steps_done    int not null default 0,
  steps_total   int not null,
  -- rows found (export) or removed (erasure) per step
  counts        jsonb not null default '{}',
  archive       bytea,
  error         text,
  execution_id  bigint,
  created_by    text,
  created_at    timestamptz not null,
  finished_at   timestamptz
);
create index privacy_requests_lead_idx on privacy_requests (lead_id, id desc);

-- An export's JSON files until its last step zips them into privacy_requests.archive.
create table privacy_export_parts (
  request_id  bigint not null references privacy_requests (id) on delete cascade,
  name        text not null,
  content     text not null,
  primary key (request_id, name)
);

-- Retention per tenant (one row; null = keep forever), applied by the privacy-retention job.
create table privacy_retention (
  id                   smallint primary key default 1 check (id = 1),
  message_body_months  int check (message_body_months between 1 and 120),
  reply_body_months    int check (reply_body_months between 1 and 120),
  ai_cache_days        int check (ai_cache_days between 1 and 3650),
  signal_days          int check (signal_days between 1 and 3650),
  updated_by           text,
  updated_at           timestamptz
);
