-- Sessions: instant revocation and refresh tokens.

-- Bumped when all of a user's sessions must end (password change or reset, "sign out
-- everywhere"); access tokens and UI sessions carry the value they were issued with.
alter table users add column session_epoch bigint not null default 0;

-- Refresh tokens rotate: each use marks the row used and issues a successor in the same family.
-- Presenting a used token again means it was stolen, so the whole family is deleted. Only the
-- SHA-256 of a token is stored. Removing the membership (or the tenant, or the user) deletes the
-- tokens with it.
create table refresh_tokens (
  id          bigserial primary key,
  family      uuid not null,
  user_id     bigint not null references users (id) on delete cascade,
  tenant_id   bigint references tenants (id) on delete cascade,
  token_hash  text not null unique,
  epoch       bigint not null,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  created_at  timestamptz not null default now(),
  foreign key (user_id, tenant_id) references memberships (user_id, tenant_id) on delete cascade
);
create index refresh_tokens_family_idx on refresh_tokens (family);
create index refresh_tokens_user_idx on refresh_tokens (user_id);
create index refresh_tokens_expiry_idx on refresh_tokens (expires_at);
