-- Resellers get a lifecycle and a wholesale plan; resellers and tenants get a white-label brand.
-- Brand columns have the same names on both tables; null means "inherit" (platform default ->
-- reseller brand -> tenant overrides, see io.omnireach.brand.BrandResolver).

alter table resellers
  add column status          text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
  add column wholesale_plan  text not null default 'STANDARD',
  add column updated_at      timestamptz not null default now(),
  add column product_name    text,
  add column logo_url        text,
  add column favicon_url     text,
  add column primary_color   text,
  add column accent_color    text,
  add column support_email   text,
  add column support_url     text,
  -- a commercial term set by the Owner; tenants never change it
  add column show_powered_by boolean not null default true,
  -- brand fields (BrandField names) the reseller lets its tenants override
  add column tenant_overridable text[] not null default '{LOGO,PRIMARY_COLOR}';

-- Tenants already had logo_url and primary_color: they become the tenant's overrides of those two
-- fields (values kept), and no longer default to a colour so that a new tenant inherits its
-- reseller's.
alter table tenants
  alter column primary_color drop not null,
  alter column primary_color drop default,
  add column product_name    text,
  add column favicon_url     text,
  add column accent_color    text,
  add column support_email   text,
  add column support_url     text;

-- Uploaded logos and favicons, addressed by the SHA-256 of their (sanitised) bytes, so the URL
-- changes whenever the content does and can be cached for a year.
create table brand_assets (
  sha256      text primary key,
  media_type  text not null,
  bytes       bytea not null,
  created_at  timestamptz not null default now()
);
