-- Deal desk (issue 15): the price book, deals with line items and a timeline, the negotiation
-- playbook (one row) and every decision of the deterministic engine with its full trace.
-- Money is numeric, never floating point.

create table products (
  id                    bigserial primary key,
  name                  text not null,
  currency              char(3) not null,
  list_price            numeric(14, 2) not null check (list_price >= 0),
  floor_price           numeric(14, 2) not null check (floor_price >= 0),
  max_discount_percent  numeric(5, 2) not null check (max_discount_percent between 0 and 100),
  payment_terms         jsonb not null default '[]',
  contract_months       jsonb not null default '[]',
  -- [{"minQuantity": 10, "unitPrice": 90.00}, ...]: the unit price from a quantity on
  volume_tiers          jsonb not null default '[]',
  created_at            timestamptz not null,
  updated_at            timestamptz not null
);

create table deals (
  id             bigserial primary key,
  lead_id        bigint not null references leads (id) on delete cascade,
  title          text not null,
  stage          text not null check (stage in ('qualification', 'proposal', 'negotiation',
                   'won', 'lost')),
  currency       char(3) not null,
  amount         numeric(14, 2) not null default 0,
  close_date     date,
  owner          text,
  term_months    int,
  payment_terms  text,
  created_at     timestamptz not null,
  updated_at     timestamptz not null
);
create index deals_stage on deals (stage, id);
create index deals_lead on deals (lead_id);

create table deal_lines (
  id                bigserial primary key,
  deal_id           bigint not null references deals (id) on delete cascade,
  product_id        bigint not null references products (id),
  quantity          int not null check (quantity > 0),
  unit_price        numeric(14, 2) not null check (unit_price >= 0),
  discount_percent  numeric(5, 2) not null default 0 check (discount_percent between 0 and 100)
);
create index deal_lines_deal on deal_lines (deal_id, id);

-- the negotiation playbook of the tenant: one row, versioned in place
create table deal_playbook (
  id                    int primary key default 1 check (id = 1),
  autonomy              text not null default 'SUGGEST_ONLY'
                          check (autonomy in ('SUGGEST_ONLY', 'ALWAYS_ESCALATE_ABOVE')),
  escalate_above        numeric(14, 2),
  discount_step_percent numeric(5, 2) not null default 5 check (discount_step_percent > 0),
  term_before_discount  boolean not null default true,
  version               int not null default 1,
  updated_at            timestamptz,
  updated_by            text
);
insert into deal_playbook (id) values (1);

create table deal_decisions (
  id               bigserial primary key,
  deal_id          bigint not null references deals (id) on delete cascade,
  message          text not null,
  action           text not null check (action in ('ACCEPT', 'COUNTER', 'CLARIFY', 'ESCALATE')),
  terms            jsonb not null,
  draft            text,
  draft_generator  text,
  trace            jsonb not null,
  task_id          bigint,
  created_by       text,
  created_at       timestamptz not null
);
create index deal_decisions_deal on deal_decisions (deal_id, id desc);

create table deal_events (
  id           bigserial primary key,
  deal_id      bigint not null references deals (id) on delete cascade,
  kind         text not null,
  text         text not null,
  decision_id  bigint references deal_decisions (id) on delete set null,
  actor        text,
  at           timestamptz not null
);
create index deal_events_deal on deal_events (deal_id, id);

-- approval tasks of the deal desk live with the other tasks (Today), without a workflow run
alter table workflow_tasks
  alter column run_id drop not null,
  alter column node_run_id drop not null,
  add column deal_id bigint references deals (id) on delete cascade;
