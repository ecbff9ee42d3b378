-- The pre-send simulation sandbox (issue 14): a dry run of a workflow for sample leads. Nothing of
-- it touches runs, messages or usage; the request and the whole result live on this row.

create table simulations (
  id            bigserial primary key,
  workflow_id   bigint not null,
  version       int,
  status        text not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  lead_ids      jsonb not null,
  script        jsonb not null default '[]',
  leads_done    int not null default 0,
  leads_total   int not null,
  ai_calls      int not null default 0,
  ai_tokens     int not null default 0,
  result        jsonb,
  error         text,
  created_by    text,
  created_at    timestamptz not null,
  finished_at   timestamptz
);

create index simulations_workflow on simulations (workflow_id, id desc);
