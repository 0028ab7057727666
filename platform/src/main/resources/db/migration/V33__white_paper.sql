-- 白皮书 (docs/adr/0016-white-paper.md): one white paper per published year, replaced when regenerated, with the
-- run it was made from. The documents are kept in the row (a few hundred kB): they commit together with their
-- status, and every instance sharing the database serves them. A regeneration keeps the previous documents
-- downloadable until the new ones replace them in the same update that marks the generation done.
-- A generation belongs to the instance that writes its heartbeat; a RUNNING row whose heartbeat stopped (the
-- platform was stopped or killed) is shown as interrupted and may be started again. 'token' names the
-- generation, so that a worker that was given up for dead cannot overwrite a newer one.

create table white_paper (
    data_year     integer       primary key,
    run_id        bigint        not null references evaluation_run (id),
    status        varchar(16)   not null, -- RUNNING, DONE, FAILED
    token         varchar(36)   not null,
    progress      integer       not null,
    phase         varchar(100),
    failure       varchar(1000),
    requested_by  varchar(64)   not null,
    requested_at  timestamp     not null,
    heartbeat_at  timestamp     not null,
    finished_at   timestamp,
    -- the documents of the last generation that finished, and what they were made from
    doc_run_id    bigint,
    doc_at        timestamp,
    doc_foreword_at timestamp,           -- the foreword's version the documents show (null: none)
    pdf           bytea,                 -- null when no CJK font was installed (the HTML is still made)
    pdf_problem   varchar(1000),         -- why there is no PDF
    html          text
);

-- the editorial foreword of a year's white paper (Markdown), edited independently of the stored documents
create table white_paper_foreword (
    data_year   integer       primary key,
    body        text          not null,
    updated_by  varchar(64)   not null,
    updated_at  timestamp     not null
);
