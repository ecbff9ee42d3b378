-- Durable workflows (issue 5): definitions with immutable published versions, runs of leads
-- through a version, the step log (node runs), and manual tasks.

-- The draft graph autosaves here; publishing copies it into workflow_versions under the next
-- number, which never changes again. draft_version is the number the draft will get.
create table workflows (
  id                 bigserial primary key,
  name               text not null check (length(name) between 1 and 120),
  description        text,
  status             text not null default 'draft'
                     check (status in ('draft', 'published', 'paused', 'archived')),
  stop_on_reply      boolean not null default true,
  draft              jsonb not null,
  draft_version      integer not null default 1,
  published_version  integer,
  template           text,
  created_by         text,
  created_at         timestamptz not null default now(),
  updated_by         text,
  updated_at         timestamptz not null default now()
);

create table workflow_versions (
  workflow_id   bigint not null references workflows (id) on delete cascade,
  version       integer not null check (version > 0),
  graph         jsonb not null,
  published_by  text,
  published_at  timestamptz not null default now(),
  primary key (workflow_id, version)
);

-- One lead going through one published version. paused_by tells who holds a paused run (user,
-- workflow, ooo) so resuming a workflow does not wake runs a person paused; paused_until is the
-- out-of-office return date. reply_seen_id: the last reply the engine has acted on.
create table workflow_runs (
  id             bigserial primary key,
  workflow_id    bigint not null references workflows (id) on delete cascade,
  version        integer not null,
  lead_id        bigint not null references leads (id) on delete cascade,
  status         text not null default 'pending'
                 check (status in ('pending', 'running', 'waiting', 'succeeded', 'failed',
                                   'cancelled', 'paused')),
  current_node   text,
  stop_reason    text,
  paused_by      text check (paused_by in ('user', 'workflow', 'ooo')),
  paused_until   timestamptz,
  reply_seen_id  bigint not null default 0,
  enrolled_by    text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  finished_at    timestamptz,
  foreign key (workflow_id, version) references workflow_versions (workflow_id, version)
);
-- one active run per (workflow, lead)
create unique index workflow_runs_active_uq on workflow_runs (workflow_id, lead_id)
  where status in ('pending', 'running', 'waiting', 'paused');
create index workflow_runs_workflow_idx on workflow_runs (workflow_id, status, id);
create index workflow_runs_lead_idx on workflow_runs (lead_id);
create index workflow_runs_active_idx on workflow_runs (id)
  where status in ('pending', 'running', 'waiting', 'paused');

-- Every executed (or scheduled) node of a run: the step log. A node visited again (a loop through
-- a Wait) gets a new row with visit + 1; idempotency_key "<run>:<node>[#visit]" is unique, so
-- scheduling the same step twice inserts nothing. attempt counts executions (retries).
create table node_runs (
  id               bigserial primary key,
  run_id           bigint not null references workflow_runs (id) on delete cascade,
  node_id          text not null,
  node_type        text not null,
  visit            integer not null default 1,
  status           text not null default 'pending'
                   check (status in ('pending', 'running', 'waiting', 'succeeded', 'failed',
                                     'skipped', 'cancelled')),
  attempt          integer not null default 0,
  max_attempts     integer not null default 3 check (max_attempts between 1 and 10),
  due_at           timestamptz,
  lease_until      timestamptz,
  lease_owner      text,
  wake_on          text check (wake_on in ('reply', 'open', 'task')),
  input            jsonb,
  output           jsonb,
  error            text,
  why              text,
  variant          text,
  message_id       bigint references messages (id) on delete set null,
  idempotency_key  text not null,
  created_at       timestamptz not null default now(),
  started_at       timestamptz,
  finished_at      timestamptz
);
create unique index node_runs_idempotency_uq on node_runs (idempotency_key);
create index node_runs_run_idx on node_runs (run_id, id);
-- the claim: due steps in due order; running rows by lease for reclaiming expired leases
create index node_runs_due_idx on node_runs (due_at, id) where status in ('pending', 'waiting');
create index node_runs_lease_idx on node_runs (lease_until) where status = 'running';
create index node_runs_wake_idx on node_runs (run_id) where status = 'waiting' and wake_on is not null;
create index node_runs_message_idx on node_runs (message_id) where message_id is not null;

-- Manual steps (Task nodes); completing one wakes its node run.
create table workflow_tasks (
  id           bigserial primary key,
  run_id       bigint not null references workflow_runs (id) on delete cascade,
  node_run_id  bigint not null references node_runs (id) on delete cascade,
  lead_id      bigint references leads (id) on delete set null,
  title        text not null,
  assignee     text,
  status       text not null default 'open' check (status in ('open', 'done')),
  created_at   timestamptz not null default now(),
  done_at      timestamptz,
  done_by      text
);
create unique index workflow_tasks_node_run_uq on workflow_tasks (node_run_id);
create index workflow_tasks_open_idx on workflow_tasks (status, id);

-- "Enrol on import": the workflow a finished lead import enrols its leads into, and which import
-- last wrote a lead (so the import's leads can be found when it completes).
alter table lead_imports add column workflow_id bigint references workflows (id) on delete set null;
alter table leads add column import_id bigint;
create index leads_import_idx on leads (import_id) where import_id is not null;
