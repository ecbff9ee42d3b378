-- The marketplace catalogue of this instance (issue 16). Blocks are stored as their signed files;
-- the columns beside the file are what the catalogue lists and filters on.
create table marketplace_blocks (
  id            bigserial primary key,
  block_id      text not null,
  version       text not null,
  kind          text not null,
  name          text not null,
  description   text,
  tags          text[] not null default '{}',
  author        text not null,
  key_id        text,
  -- BUILTIN: shipped with the instance, signed by the instance key; TENANT: published by a tenant
  scope         text not null check (scope in ('BUILTIN', 'TENANT')),
  tenant_id     bigint references tenants (id) on delete cascade,
  -- listed in this instance's public registry index (/registry/index.json)
  listed        boolean not null default false,
  file          text not null,
  published_at  timestamptz not null,
  published_by  text,
  unique (block_id, version),
  check ((scope = 'BUILTIN') = (tenant_id is null))
);

-- One rating per tenant and block, updatable.
create table marketplace_ratings (
  block_id    text not null,
  tenant_id   bigint not null references tenants (id) on delete cascade,
  stars       smallint not null check (stars between 1 and 5),
  review      text,
  author      text not null,
  updated_at  timestamptz not null,
  primary key (block_id, tenant_id)
);

-- Remote registries the Owner added: a static index over HTTP(S), fetched and cached here.
create table marketplace_registries (
  id          bigserial primary key,
  name        text not null unique,
  url         text not null unique,
  index_json  text,
  fetched_at  timestamptz,
  last_error  text,
  added_by    text not null,
  added_at    timestamptz not null
);

-- Publisher keys whose blocks show as "verified publisher": for one tenant, or (tenant_id null)
-- trusted by the Owner for every tenant.
create table marketplace_trusted_keys (
  id          bigserial primary key,
  key_id      text not null,
  public_key  text not null,
  name        text not null,
  tenant_id   bigint references tenants (id) on delete cascade,
  added_by    text not null,
  added_at    timestamptz not null
);
create unique index marketplace_trusted_keys_once on marketplace_trusted_keys (key_id, coalesce(tenant_id, 0));

-- The instance's own publisher key (signs the built-in blocks); private key sealed by SecretBox.
create table marketplace_instance_key (
  singleton           boolean primary key default true check (singleton),
  public_key          text not null,
  private_key_sealed  text not null,
  created_at          timestamptz not null
);
