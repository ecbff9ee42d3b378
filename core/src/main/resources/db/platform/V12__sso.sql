-- Single sign-on (OIDC) per tenant: the tenant's identity provider, how its claims map to our
-- roles, and whether passwords still work for the tenant's members. The client secret is sealed
-- with the master key (SecretBox), like mailbox passwords.
create table tenant_sso (
  tenant_id             bigint primary key references tenants (id) on delete cascade,
  enabled               boolean not null default true,
  issuer                text not null,
  client_id             text not null,
  client_secret_sealed  text not null,
  role_claim            text not null default 'groups',
  role_mapping          jsonb not null default '{}'::jsonb,
  default_role          text not null default 'VIEWER'
                          check (default_role in ('ADMIN', 'SALES', 'VIEWER', 'FINANCE')),
  sso_only              boolean not null default false,
  updated_at            timestamptz not null default now()
);

-- Which IdP subject is which user, per tenant: a back-channel logout names the subject only.
create table sso_identities (
  tenant_id   bigint not null references tenants (id) on delete cascade,
  issuer      text not null,
  subject     text not null,
  user_id     bigint not null references users (id) on delete cascade,
  created_at  timestamptz not null default now(),
  primary key (tenant_id, issuer, subject)
);
create index sso_identities_user_idx on sso_identities (user_id);

-- Users created just in time by SSO have no password.
alter table users alter column password_hash drop not null;
