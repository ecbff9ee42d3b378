-- Platform schema: operator-level data shared by all tenants.

-- Jakarta Batch job repository (Liberty creates its tables here on first use; see server.xml).
create schema if not exists batch;
create table resellers (
  id          bigserial primary key,
  slug        text not null unique,
  name        text not null,
  created_at  timestamptz not null default now()
);

create table tenants (
  id             bigserial primary key,
  slug           text not null unique,
  display_name   text not null,
  reseller_id    bigint references resellers (id),
  status         text not null default 'PROVISIONING'
                 check (status in ('PROVISIONING', 'ACTIVE', 'SUSPENDED')),
  logo_url       text,
  primary_color  text not null default '#4f46e5',
  plan           text not null default 'TEAM',
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);

create table users (
  id             bigserial primary key,
  email          text not null,
  display_name   text not null,
  password_hash  text not null,
  platform_role  text check (platform_role in ('OWNER', 'RESELLER')),
  reseller_id    bigint references resellers (id),
  created_at     timestamptz not null default now(),
  last_login_at  timestamptz
);
create unique index users_email_uq on users (lower(email));

create table memberships (
  user_id     bigint not null references users (id) on delete cascade,
  tenant_id   bigint not null references tenants (id) on delete cascade,
  role        text not null check (role in ('ADMIN', 'SALES', 'VIEWER')),
  created_at  timestamptz not null default now(),
  primary key (user_id, tenant_id)
);
create index memberships_tenant_idx on memberships (tenant_id);

create table invitations (
  id           bigserial primary key,
  tenant_id    bigint not null references tenants (id) on delete cascade,
  email        text not null,
  role         text not null check (role in ('ADMIN', 'SALES', 'VIEWER')),
  token_hash   text not null unique,
  invited_by   bigint references users (id) on delete set null,
  expires_at   timestamptz not null,
  accepted_at  timestamptz,
  created_at   timestamptz not null default now()
);
create unique index invitations_open_uq on invitations (tenant_id, lower(email)) where accepted_at is null;

-- Kept when a tenant is deleted: no foreign key to tenants on purpose.
create table audit_log (
  id           bigserial primary key,
  at           timestamptz not null default now(),
  actor        text,
  tenant_slug  text,
  action       text not null,
  target       text,
  detail       text
);
create index audit_log_tenant_idx on audit_log (tenant_slug, at desc);
