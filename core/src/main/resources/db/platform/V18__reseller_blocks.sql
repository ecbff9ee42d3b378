-- Blocks a reseller publishes for its tenants (issue 16): every tenant of that reseller sees them
-- in its catalogue (source "reseller"), tenants of other resellers do not.
alter table marketplace_blocks drop constraint marketplace_blocks_scope_check;
alter table marketplace_blocks drop constraint marketplace_blocks_check;
alter table marketplace_blocks
  add column reseller_id bigint references resellers (id) on delete cascade;
alter table marketplace_blocks
  add constraint marketplace_blocks_scope_check check (scope in ('BUILTIN', 'TENANT', 'RESELLER'));
alter table marketplace_blocks
  add constraint marketplace_blocks_publisher_check check (
    (scope = 'BUILTIN' and tenant_id is null and reseller_id is null)
    or (scope = 'TENANT' and tenant_id is not null and reseller_id is null)
    or (scope = 'RESELLER' and tenant_id is null and reseller_id is not null));
create index marketplace_blocks_reseller on marketplace_blocks (reseller_id) where reseller_id is not null;
