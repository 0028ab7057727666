-- 银行接口 · machine credentials of the banks' systems and the responses kept for Idempotency-Key
-- (package bankapi, docs/adr/0015-bank-api-credentials.md). Portable SQL (PostgreSQL and H2 in PostgreSQL mode).

-- One row per API key. The secret is never stored: only the SHA-256 of the 256-bit random secret, which is
-- as hard to invert as guessing the secret itself. A rotated key keeps working until expires_at (the grace
-- period); a revoked one stops at once.
create table api_credential (
    key_id       varchar(32)  primary key,          -- the public half of "Bearer <key_id>.<secret>"
    bank_code    varchar(32)  not null references bank (code),
    label        varchar(100) not null,
    secret_hash  char(64)     not null,             -- hex SHA-256 of the secret
    created_by   varchar(64)  not null,
    created_at   timestamp    not null,
    expires_at   timestamp,                         -- set when rotated: the end of the grace period
    replaced_by  varchar(32),                       -- the key that took its place at rotation
    revoked_at   timestamp,
    revoked_by   varchar(64),
    last_used_at timestamp
);
create index api_credential_bank_idx on api_credential (bank_code, created_at);

-- A state-changing API call made with an Idempotency-Key: the first answer is kept and replayed to a retry
-- of the same request, so a bank's retry after a lost response never records twice.
create table api_idempotency (
    key_id       varchar(32)  not null,             -- the calling credential's key
    idem_key     varchar(64)  not null,
    fingerprint  char(64)     not null,             -- SHA-256 of method, path, query and body
    status       integer,                           -- null while the first request is still running
    content_type varchar(100),
    body         varchar(1000000),
    created_at   timestamp    not null,
    primary key (key_id, idem_key)
);
create index api_idempotency_created_idx on api_idempotency (created_at);
