-- Finance: reads billing and usage, downloads invoices, sees no sales data.
alter table memberships drop constraint memberships_role_check;
alter table memberships add constraint memberships_role_check
  check (role in ('ADMIN', 'SALES', 'VIEWER', 'FINANCE'));
alter table invitations drop constraint invitations_role_check;
alter table invitations add constraint invitations_role_check
  check (role in ('ADMIN', 'SALES', 'VIEWER', 'FINANCE'));
