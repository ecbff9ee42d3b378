-- Per-tenant schema template: every tenant_<slug> schema is migrated with these scripts.
-- Unqualified names: Flyway runs them with the tenant schema as search_path.
create table activity (
  id           bigserial primary key,
  at           timestamptz not null default now(),
  actor_email  text,
  kind         text not null,
  summary      text not null
);
create index activity_at_idx on activity (at desc);

create table settings (
  key    text primary key,
  value  text not null
);
