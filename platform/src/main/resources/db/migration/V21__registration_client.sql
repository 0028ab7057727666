-- The network address a registration request came from (as the audit trail records addresses): staff see
-- which requests one client filed, and one client may have only one request under review per enterprise
-- (docs/adr/0010-registration-squatting.md). Null for accounts an administrator created.
alter table app_user add column registered_from varchar(45);
