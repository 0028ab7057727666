-- 账户: who may sign in, with which role and data scope. An enterprise user is bound to one USCC, a
-- bank officer to one bank; staff and admins see everything their role allows.
create table app_user (
    username        varchar(64)  not null primary key,
    password_hash   varchar(100) not null,
    display_name    varchar(100) not null,
    role            varchar(16)  not null, -- ADMIN, STAFF, ENTERPRISE, BANK, EXPERT
    uscc            char(18),
    bank_code       varchar(32),
    enabled         boolean      not null default true,
    failed_attempts integer      not null default 0,
    locked_until    timestamp,
    created_at      timestamp    not null default current_timestamp
);
