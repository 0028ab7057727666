-- 量化评价 · the published-scores read model: one row per published year and enterprise — the result of
-- the year's published run with its run, model version and computing and publishing times. A view, so
-- that publishing stays the switch of one publication row (readers see the old results until it commits
-- and the new ones after it) and costs nothing however large the district; the lookups it serves use the
-- indexes of publication and score_result (a year's run, then (run_id, uscc) or (run_id, stage, rank)).
-- Read through evaluation's PublishedResults, or joined by the modules allowed to
-- (docs/adr/0007-published-scores-read-model.md). Portable SQL (PostgreSQL and H2 in PostgreSQL mode).

-- Indicator points are keyed by code since V15 ("T1=1234;…"), which is longer than the positional form.
alter table score_result alter column points set data type varchar(4000);

create view published_score as
select p.data_year, s.uscc, s.run_id, r.model_id, s.name, s.town, s.industry, s.stage, s.core, s.bonus,
       s.deduction, s.total, s.rank_in_stage, s.tier, s.eligible, s.points, r.finished_at as computed_at,
       p.published_at
from publication p
join evaluation_run r on r.id = p.run_id
join score_result s on s.run_id = p.run_id;
