-- Stripe Billing: which account is which Stripe customer, the usage report queue, the webhook
-- inbox, subscriptions and unpaid invoices (dunning).
--
-- Plain SQL over JDBC on purpose, not JPA: these are exactly-once queues worked set-based — rows
-- claimed with FOR UPDATE SKIP LOCKED, events grouped and marked in one statement, unique keys
-- with "on conflict do nothing" — the kind of hot path docs/architecture.md keeps out of the
-- entity layer. Nothing here is ever deleted: it is a financial record.

-- A tenant (or, for wholesale, a reseller) and its Stripe customer. Created with an
-- Idempotency-Key derived from the account, so two servers racing create one customer.
create table stripe_customers (
  account_kind  text not null check (account_kind in ('TENANT', 'RESELLER')),
  account_id    bigint not null,
  customer_id   text not null unique,
  created_at    timestamptz not null default now(),
  primary key (account_kind, account_id)
);

-- Usage report queue. Each usage event is put into exactly one report (report_id set in the same
-- statement that creates the report); each report is sent once as a billing meter event with the
-- identifier 'omnireach-usage-<id>', which Stripe keeps once, so a re-send after a crash does not
-- count twice.
alter table usage_events add column report_id bigint;
create index usage_events_unreported_idx on usage_events (id) where report_id is null;

create table usage_reports (
  id           bigserial primary key,
  tenant_id    bigint not null,
  meter        text not null,                   -- Meter.key(), the meter event's event_name
  hour         timestamptz not null,            -- the UTC hour its events happened in
  quantity     bigint not null check (quantity >= 0),
  occurred_at  timestamptz not null,            -- the meter event's timestamp (latest event)
  events       int not null,
  status       text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts     int not null default 0,
  not_before   timestamptz not null default now(),
  last_error   text,
  created_at   timestamptz not null default now(),
  sent_at      timestamptz
);
create index usage_reports_pending_idx on usage_reports (not_before, id) where status = 'PENDING';
create index usage_reports_tenant_idx on usage_reports (tenant_id, meter);

-- Webhook inbox: one row per Stripe event id, written in the transaction of its effect, so a
-- repeated delivery finds it and does nothing.
create table stripe_webhook_events (
  event_id     text primary key,
  type         text not null,
  created      timestamptz not null,            -- Stripe's event.created
  object_id    text,
  outcome      text not null,
  received_at  timestamptz not null default now()
);

-- Subscriptions as the newest event said (older events arriving late are ignored).
create table stripe_subscriptions (
  subscription_id  text primary key,
  customer_id      text not null,
  status           text not null,
  event_created    timestamptz not null,
  updated_at       timestamptz not null default now()
);
create index stripe_subscriptions_customer_idx on stripe_subscriptions (customer_id);

-- Dunning: invoices whose payment failed. failed_since is the first failure (Stripe's event time);
-- settled_at is set once the invoice is paid (or voided) and never cleared, so a late
-- payment_failed for a paid invoice changes nothing.
create table stripe_unpaid_invoices (
  invoice_id    text primary key,
  customer_id   text not null,
  number        text,
  amount_due    bigint not null default 0,       -- minor units of currency
  currency      text not null default 'usd',
  hosted_url    text,
  failed_since  timestamptz,
  settled_at    timestamptz,
  updated_at    timestamptz not null default now()
);
create index stripe_unpaid_open_idx on stripe_unpaid_invoices (customer_id)
  where settled_at is null and failed_since is not null;
