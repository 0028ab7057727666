-- Baseline: one key/value table for facts about this installation (schema baseline, when demo data
-- was loaded, ...). Feature tables come with their own migrations. Portable SQL: runs on PostgreSQL
-- and on H2 in PostgreSQL mode.
create table app_info (
    info_key   varchar(64)  not null primary key,
    info_value varchar(255) not null,
    updated_at timestamp    not null default current_timestamp
);

insert into app_info (info_key, info_value) values ('schema.baseline', '1');
