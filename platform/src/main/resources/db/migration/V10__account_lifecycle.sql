-- 账户生命周期: self-registration awaiting review, forced password change (first start, reset by an
-- administrator), and lockout back-off. status is the review state of a registration; enabled is the
-- administrator's switch. A user may sign in only when status = 'ACTIVE' and enabled.
alter table app_user add column status varchar(16) not null default 'ACTIVE'; -- ACTIVE, PENDING, REJECTED
alter table app_user add column must_change_password boolean not null default false;
-- how many times the account has been locked since its last successful sign-in: each lockout lasts
-- twice as long as the one before
alter table app_user add column lockouts integer not null default 0;
alter table app_user add column contact_name varchar(100);
alter table app_user add column contact_phone varchar(32);
alter table app_user add column review_note varchar(200);
alter table app_user add column reviewed_by varchar(64);
alter table app_user add column reviewed_at timestamp;
alter table app_user add column password_changed_at timestamp;
alter table app_user add column last_login_at timestamp;
create index app_user_uscc on app_user (uscc, role, status);
