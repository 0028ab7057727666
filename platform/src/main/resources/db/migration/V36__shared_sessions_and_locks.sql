-- Several platform instances on one database (docs/adr/0017-several-instances-on-one-database.md).
-- Portable SQL: PostgreSQL and H2 in PostgreSQL mode. Created here rather than by Spring's schema
-- initialiser, so that one tool owns the schema and an upgrade is one Flyway migration.

-- Signed-in sessions (Spring Session JDBC, its own schema for PostgreSQL): any instance serves any user,
-- with the sign-in, the CSRF token and flash messages of the session.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
-- an administrator who disables a user ends that user's sessions, found by this index
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Work that one instance of several does (ShedLock's table): whoever holds a name's row until
-- lock_until does it, the others skip it. Times are the database's.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- Uploads between the validation report and the user's decision: the file is under the data folder
-- (imports/<sha256>, as an attempt's), this row says whose it is, so that the confirmation may reach
-- another instance than the upload.
create table data_import_staged (
    token       varchar(36)  not null primary key,
    username    varchar(64)  not null,
    source      varchar(16)  not null,
    data_year   integer      not null,
    file_name   varchar(255) not null,
    file_sha256 char(64)     not null,
    staged_at   timestamp    not null default current_timestamp
);
create index data_import_staged_at_idx on data_import_staged (staged_at);

-- Department loads and rollbacks run one at a time on the whole database, not only in one instance: each
-- locks this one row (select … for update) for its transaction. They number batches max(id) + 1 and
-- rebuild the same yearly records (docs/adr/0009).
create table data_import_lock (
    id integer not null primary key
);
insert into data_import_lock (id) values (1);
