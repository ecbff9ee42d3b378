-- Wholesale invoices: what the platform bills a reseller per calendar month (UTC) for its tenants,
-- at the reseller's wholesale prices — per tenant the same lines its own invoice has (base fee,
-- prorations, seats, usage), priced on the wholesale list. Written through JPA
-- (io.omnireach.billing.wholesale, EclipseLink single-table multitenancy on reseller_id), except the
-- number (invoice_sequences, issuer 'wholesale', series ORW-<year>-<000001>).
--
-- No foreign key to resellers: like invoices, a financial record that outlives what it bills.

create table wholesale_invoices (
  id              bigint generated always as identity primary key,
  reseller_id     bigint not null,
  number          text,
  status          text not null check (status in ('DRAFT', 'OPEN', 'PAID', 'VOID')),
  period_start    date not null,
  period_end      date not null,                 -- the last day of the period (inclusive)
  wholesale_plan  text not null,                 -- the reseller's wholesale price list then
  currency        text not null check (currency ~ '^[A-Z]{3}$'),
  total_minor     bigint not null,
  tenants         integer not null,              -- how many tenants it bills
  bill_to         text not null,
  -- with Stripe on: the Stripe invoice it was sent as (items = its lines), and Stripe's URLs
  external_id     text unique,
  hosted_url      text,
  pdf_url         text,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  finalized_at    timestamptz,
  paid_at         timestamptz,
  voided_at       timestamptz,
  check (status = 'DRAFT' or number is not null),
  check (period_end >= period_start)
);
-- one invoice per reseller and period: a second finalizer run (or server) finds it
create unique index wholesale_invoices_period_uq on wholesale_invoices (reseller_id, period_start);
create unique index wholesale_invoices_number_uq on wholesale_invoices (number);

create table wholesale_invoice_lines (
  id                     bigint generated always as identity primary key,
  invoice_id             bigint not null references wholesale_invoices (id) on delete cascade,
  reseller_id            bigint not null,
  position               integer not null,
  tenant_id              bigint not null,       -- the tenant the line is for
  tenant_slug            text not null,
  plan_code              text not null,
  kind                   text not null check (kind in
                           ('BASE_FEE', 'PRORATION_CREDIT', 'PRORATION_CHARGE', 'SEATS', 'USAGE')),
  description            text not null,
  meter                  text,
  quantity               bigint not null,
  included               bigint not null default 0,
  billable               bigint not null,
  unit_price_minor       bigint,
  price_per_1000_micros  bigint,
  amount_minor           bigint not null,
  unique (invoice_id, position)
);
create index wholesale_invoice_lines_tenant_idx on wholesale_invoice_lines (tenant_id);

-- Lines of a finalized wholesale invoice never change (the entity refuses too).
create function wholesale_invoice_lines_frozen() returns trigger language plpgsql as $$
declare
  inv_status text;
begin
  select status into inv_status from platform.wholesale_invoices
   where id = coalesce(new.invoice_id, old.invoice_id);
  if inv_status is not null and inv_status <> 'DRAFT' then
    raise exception 'wholesale invoice % is finalized: its lines cannot change',
      coalesce(new.invoice_id, old.invoice_id) using errcode = '55000';
  end if;
  return coalesce(new, old);
end $$;
create trigger wholesale_invoice_lines_frozen before insert or update or delete
  on wholesale_invoice_lines for each row execute function wholesale_invoice_lines_frozen();
