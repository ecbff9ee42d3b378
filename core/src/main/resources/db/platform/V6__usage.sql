-- The usage ledger: one row per billable action, written in the transaction of the action with
-- a key taken from the action (message id, node run id, AI call id), so a retry or a re-run can
-- never count twice. No foreign key to tenants: the ledger is a financial record and outlives a
-- deleted tenant (its invoices still have to add up).
create table usage_events (
  id               bigserial primary key,
  tenant_id        bigint not null,
  meter            text not null,
  quantity         bigint not null check (quantity >= 0),
  cost_micros      bigint,            -- what the action cost us, when known (AI), in USD micros
  idempotency_key  text not null,
  occurred_at      timestamptz not null,
  workflow_id      bigint,
  user_id          bigint,
  rolled_up        boolean not null default false,
  unique (tenant_id, meter, idempotency_key)
);
-- The roll-up and readers look only at what is not folded into usage_hourly yet.
create index usage_events_pending_idx on usage_events (tenant_id, occurred_at) where not rolled_up;
create index usage_events_tenant_time_idx on usage_events (tenant_id, occurred_at);

-- Hourly totals per tenant and meter, what every reader (API, charts, invoices) starts from;
-- events not yet rolled up are added on read, so totals are exact at any moment.
create table usage_hourly (
  tenant_id    bigint not null,
  meter        text not null,
  hour         timestamptz not null,
  quantity     bigint not null,
  cost_micros  bigint not null default 0,
  primary key (tenant_id, meter, hour)
);
