-- Custom domains: host names a tenant routes to the platform (CNAME) and proves it controls
-- (TXT record or HTTP token). Only VERIFIED hosts select a tenant on the login page.
create table custom_domains (
  id               bigserial primary key,
  tenant_id        bigint not null references tenants (id) on delete cascade,
  host             text not null check (host = lower(host)),
  method           text not null check (method in ('DNS_TXT', 'HTTP')),
  token            text not null unique,
  status           text not null default 'PENDING'
                   check (status in ('PENDING', 'VERIFIED', 'FAILED')),
  last_checked_at  timestamptz,
  last_error       text,
  verified_at      timestamptz,
  created_by       text,
  created_at       timestamptz not null default now()
);
-- A host is listed once per tenant; several tenants may claim it (so nobody can squat a
-- customer's host by adding it first), but only one can hold it VERIFIED.
create unique index custom_domains_tenant_host_uq on custom_domains (tenant_id, host);
create unique index custom_domains_verified_host_uq on custom_domains (host)
  where status = 'VERIFIED';
