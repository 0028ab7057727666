-- 量化评价 · the published-scores read model. One row per published year and enterprise: the result of
-- the year's published run, copied here in the transaction that publishes the run (and switches the
-- publication row), so that every reader — staff lists, the portal, the bank view, the public lists and
-- the features to come — reads one table with its own indexes instead of joining publication,
-- evaluation_run and score_result each in its own way (docs/adr/0007-published-scores-read-model.md).
-- Portable SQL (PostgreSQL and H2 in PostgreSQL mode).

-- Indicator points are keyed by code since V15 ("T1=1234;…"), which is longer than the positional form.
alter table score_result alter column points set data type varchar(4000);

create table published_score (
    data_year     integer       not null,
    uscc          char(18)      not null,
    run_id        bigint        not null references evaluation_run (id),
    model_id      bigint        not null references score_model (id),
    name          varchar(200)  not null,
    town          varchar(20)   not null,
    industry      varchar(3)    not null,
    stage         varchar(8)    not null,
    core          numeric(10,2) not null,
    bonus         numeric(10,2) not null,
    deduction     numeric(10,2) not null,
    total         numeric(10,2) not null,
    rank_in_stage integer,
    tier          varchar(8),
    eligible      boolean       not null,
    points        varchar(4000) not null,
    computed_at   timestamp,
    published_at  timestamp     not null,
    primary key (data_year, uscc)
);
-- an enterprise's history (portal, bank report, detail page)
create index published_score_uscc_idx on published_score (uscc, data_year);
-- the tier lists of a year and stage, best first
create index published_score_rank_idx on published_score (data_year, stage, rank_in_stage);

insert into published_score (data_year, uscc, run_id, model_id, name, town, industry, stage, core, bonus, deduction,
                             total, rank_in_stage, tier, eligible, points, computed_at, published_at)
select p.data_year, s.uscc, s.run_id, r.model_id, s.name, s.town, s.industry, s.stage, s.core, s.bonus, s.deduction,
       s.total, s.rank_in_stage, s.tier, s.eligible, s.points, r.finished_at, p.published_at
from publication p
join evaluation_run r on r.id = p.run_id
join score_result s on s.run_id = p.run_id;
