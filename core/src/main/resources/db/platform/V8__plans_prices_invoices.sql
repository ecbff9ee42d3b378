-- Billing as data: plans with their included quantities and limits per meter, wholesale price lists
-- (what the platform charges a reseller), resellers' retail prices (what a reseller charges its
-- tenants), plan changes (for proration) and self-made invoices with gap-free numbers per issuer.
-- Written through JPA (io.omnireach.billing, EclipseLink), except invoice_sequences (one SQL
-- statement) and the rows this migration seeds.
--
-- Money: integer minor units (cents) in the plan's ISO 4217 currency. Usage prices are per 1,000
-- units in micros of the currency's major unit (1 USD = 1,000,000 micros), so a token can cost
-- 0.0005 USD per 1,000 and an email 1.00 USD per 1,000 without rounding.

create table plans (
  code              text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
  name              text not null,
  currency          text not null check (currency ~ '^[A-Z]{3}$'),
  base_fee_minor    bigint not null check (base_fee_minor >= 0),
  included_seats    integer not null check (included_seats >= 0),
  seat_price_minor  bigint not null check (seat_price_minor >= 0),
  seat_limit        integer not null check (seat_limit >= included_seats),
  position          integer not null
);

-- What a plan includes of each meter and what usage beyond it costs (the list price).
create table plan_meters (
  plan_code              text not null references plans (code) on delete cascade,
  meter                  text not null,
  included               bigint not null check (included >= 0),
  price_per_1000_micros  bigint not null check (price_per_1000_micros >= 0),
  -- people are warned at this share of the included quantity
  soft_limit_percent     integer not null default 80 check (soft_limit_percent between 1 and 100),
  -- sending stops here (null: no hard limit, usage beyond included is billed)
  hard_limit             bigint check (hard_limit >= 0),
  primary key (plan_code, meter)
);

-- Prices that differ from a plan's list price: a wholesale price list (its code is a reseller's
-- wholesale_plan) or one reseller's retail prices. A missing row means the list price.
create table plan_prices (
  id                bigint generated always as identity primary key,
  kind              text not null check (kind in ('WHOLESALE', 'RETAIL')),
  wholesale_code    text,
  reseller_id       bigint references resellers (id) on delete cascade,
  plan_code         text not null references plans (code) on delete cascade,
  base_fee_minor    bigint not null check (base_fee_minor >= 0),
  seat_price_minor  bigint not null check (seat_price_minor >= 0),
  updated_at        timestamptz not null default now(),
  updated_by        text,
  check ((kind = 'WHOLESALE' and wholesale_code is not null and reseller_id is null)
      or (kind = 'RETAIL' and reseller_id is not null and wholesale_code is null))
);
create unique index plan_prices_wholesale_uq on plan_prices (wholesale_code, plan_code)
  where kind = 'WHOLESALE';
create unique index plan_prices_retail_uq on plan_prices (reseller_id, plan_code)
  where kind = 'RETAIL';

-- Usage prices of a price row; a meter without a row keeps the plan's list price.
create table plan_price_meters (
  plan_price_id          bigint not null references plan_prices (id) on delete cascade,
  meter                  text not null,
  price_per_1000_micros  bigint not null check (price_per_1000_micros >= 0),
  primary key (plan_price_id, meter)
);

-- Every change of a tenant's plan, for proration. No foreign key to tenants: like the usage
-- ledger and invoices, a financial record that outlives a deleted tenant.
create table plan_changes (
  id          bigint generated always as identity primary key,
  tenant_id   bigint not null,
  from_plan   text not null,
  to_plan     text not null,
  changed_at  timestamptz not null,
  actor       text
);
create index plan_changes_tenant_idx on plan_changes (tenant_id, changed_at);

-- Invoices per tenant and calendar month (UTC), self-made (SELF) or read back from Stripe.
-- The issuer is the tenant's reseller, or the platform for a tenant without one.
create table invoices (
  id              bigint generated always as identity primary key,
  tenant_id       bigint not null,
  issuer          text not null,                 -- 'platform' or 'reseller:<id>'
  reseller_id     bigint,
  source          text not null check (source in ('SELF', 'STRIPE')),
  external_id     text unique,
  number          text,
  status          text not null check (status in ('DRAFT', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE')),
  period_start    date not null,
  period_end      date not null,                 -- the last day of the period (inclusive)
  plan_code       text,
  currency        text not null check (currency ~ '^[A-Z]{3}$'),
  total_minor     bigint not null,
  bill_to         text not null,
  hosted_url      text,
  pdf_url         text,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  finalized_at    timestamptz,
  paid_at         timestamptz,
  voided_at       timestamptz,
  check (status = 'DRAFT' or number is not null or source = 'STRIPE'),
  check (period_end >= period_start)
);
create unique index invoices_self_period_uq on invoices (tenant_id, period_start) where source = 'SELF';
create unique index invoices_number_uq on invoices (issuer, number) where source = 'SELF';
create index invoices_tenant_idx on invoices (tenant_id, period_start desc);

create table invoice_lines (
  id                     bigint generated always as identity primary key,
  invoice_id             bigint not null references invoices (id) on delete cascade,
  tenant_id              bigint not null,
  position               integer not null,
  kind                   text not null check (kind in
                           ('BASE_FEE', 'PRORATION_CREDIT', 'PRORATION_CHARGE', 'SEATS', 'USAGE', 'EXTERNAL')),
  description            text not null,
  meter                  text,
  quantity               bigint not null,
  included               bigint not null default 0,
  billable               bigint not null,
  unit_price_minor       bigint,               -- base fee, seat price
  price_per_1000_micros  bigint,               -- usage
  amount_minor           bigint not null,
  unique (invoice_id, position)
);

-- Lines of a finalized self-made invoice never change (the entity refuses too; this is the
-- guarantee).
create function invoice_lines_frozen() returns trigger language plpgsql as $$
declare
  inv_status text;
  inv_source text;
begin
  select status, source into inv_status, inv_source from platform.invoices
   where id = coalesce(new.invoice_id, old.invoice_id);
  if inv_source = 'SELF' and inv_status <> 'DRAFT' then
    raise exception 'invoice % is finalized: its lines cannot change',
      coalesce(new.invoice_id, old.invoice_id) using errcode = '55000';
  end if;
  return coalesce(new, old);
end $$;
create trigger invoice_lines_frozen before insert or update or delete on invoice_lines
  for each row execute function invoice_lines_frozen();

-- The next invoice number per issuer and year: taken with an update (a row lock until commit) in
-- the finalizing transaction, so numbers have no gaps and two servers never take the same one.
create table invoice_sequences (
  issuer      text not null,
  year        integer not null,
  last_value  bigint not null,
  primary key (issuer, year)
);

-- The three plans the product had as code (billing.Plan), now with prices, in USD.
insert into plans (code, name, currency, base_fee_minor, included_seats, seat_price_minor, seat_limit, position) values
  ('FREE',  'Free',  'USD',     0,  3,    0,   3, 1),
  ('TEAM',  'Team',  'USD',  9900,  5, 1900,  25, 2),
  ('SCALE', 'Scale', 'USD', 49900, 25, 1500, 500, 3);

insert into plan_meters (plan_code, meter, included, price_per_1000_micros, hard_limit) values
  -- Free: small allowances, no overage — the hard limit is the included quantity
  ('FREE', 'emails_sent',          300,       0,       300),
  ('FREE', 'sms_segments',           0,       0,         0),
  ('FREE', 'ai_input_tokens',   200000,       0,    200000),
  ('FREE', 'ai_output_tokens',   50000,       0,     50000),
  ('FREE', 'ai_calls',             200,       0,       200),
  ('FREE', 'workflow_steps',      1000,       0,      1000),
  ('FREE', 'leads_stored',        1000,       0,      1000),
  -- Team: 1.00 USD per 1,000 emails beyond 10,000, stop at 25,000
  ('TEAM', 'emails_sent',        10000, 1000000,     25000),
  ('TEAM', 'sms_segments',           0, 8000000,      5000),
  ('TEAM', 'ai_input_tokens',  2000000,     600,      null),
  ('TEAM', 'ai_output_tokens',  500000,    2400,      null),
  ('TEAM', 'ai_calls',            5000,       0,      null),
  ('TEAM', 'workflow_steps',     50000,  200000,      null),
  ('TEAM', 'leads_stored',       25000, 2000000,      null),
  -- Scale
  ('SCALE', 'emails_sent',      100000,  800000,   1000000),
  ('SCALE', 'sms_segments',       1000, 7000000,     50000),
  ('SCALE', 'ai_input_tokens', 20000000,    500,      null),
  ('SCALE', 'ai_output_tokens', 5000000,   2000,      null),
  ('SCALE', 'ai_calls',          50000,       0,      null),
  ('SCALE', 'workflow_steps',   500000,  150000,      null),
  ('SCALE', 'leads_stored',     250000, 1500000,      null);

-- Wholesale price lists, named by resellers.wholesale_plan: STANDARD at 30 % and WHITE_LABEL at
-- 40 % below list (base fee, seats and usage alike).
insert into plan_prices (kind, wholesale_code, plan_code, base_fee_minor, seat_price_minor, updated_by)
select 'WHOLESALE', w.code, p.code, p.base_fee_minor * (100 - w.off) / 100,
       p.seat_price_minor * (100 - w.off) / 100, 'V8'
  from plans p cross join (values ('STANDARD', 30), ('WHITE_LABEL', 40)) as w(code, off);
insert into plan_price_meters (plan_price_id, meter, price_per_1000_micros)
select pp.id, pm.meter, pm.price_per_1000_micros * (100 - case pp.wholesale_code
         when 'STANDARD' then 30 else 40 end) / 100
  from plan_prices pp join plan_meters pm on pm.plan_code = pp.plan_code
 where pp.kind = 'WHOLESALE';
