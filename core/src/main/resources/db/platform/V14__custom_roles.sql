-- Custom roles: a tenant's own named permission sets. A member or invitation holding one has the
-- role MEMBER and points at it; the composite key keeps the role inside the member's tenant.
create table custom_roles (
  id           bigserial primary key,
  tenant_id    bigint not null references tenants (id) on delete cascade,
  name         text not null check (length(name) between 1 and 60),
  description  text not null default '',
  permissions  text[] not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  unique (id, tenant_id)
);
create unique index custom_roles_name_uq on custom_roles (tenant_id, lower(name));

alter table memberships add column custom_role_id bigint;
alter table memberships add constraint memberships_custom_role_fk
  foreign key (custom_role_id, tenant_id) references custom_roles (id, tenant_id);
alter table memberships drop constraint memberships_role_check;
alter table memberships add constraint memberships_role_check
  check (role in ('ADMIN', 'SALES', 'VIEWER', 'FINANCE', 'MEMBER'));
alter table memberships add constraint memberships_custom_role_check
  check ((role = 'MEMBER') = (custom_role_id is not null));
create index memberships_custom_role_idx on memberships (custom_role_id);

alter table invitations add column custom_role_id bigint;
alter table invitations add constraint invitations_custom_role_fk
  foreign key (custom_role_id, tenant_id) references custom_roles (id, tenant_id) on delete cascade;
alter table invitations drop constraint invitations_role_check;
alter table invitations add constraint invitations_role_check
  check (role in ('ADMIN', 'SALES', 'VIEWER', 'FINANCE', 'MEMBER'));
alter table invitations add constraint invitations_custom_role_check
  check ((role = 'MEMBER') = (custom_role_id is not null));
