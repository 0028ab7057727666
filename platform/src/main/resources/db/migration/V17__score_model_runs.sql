-- 积分模型: how many evaluation runs used each version, kept on the version itself. The evaluation
-- feature reports each new run through ScoreModels.recordUse, so the model feature no longer counts rows
-- of another feature's table (docs/adr/0007-published-scores-read-model.md). A used version is frozen.
-- Portable SQL (PostgreSQL and H2 in PostgreSQL mode).
alter table score_model add column runs integer not null default 0;
update score_model set runs = (select count(*) from evaluation_run r where r.model_id = score_model.id);
