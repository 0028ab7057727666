-- 量化评价 · evaluation runs in a database that several platform instances share
-- (docs/adr/0008-run-ownership-and-serialised-publishing.md). Portable SQL (PostgreSQL and H2 in
-- PostgreSQL mode).

-- year_slot: the run's place among its year's runs, of which a year has at most one each — 'WORKING'
-- while the run is queued or computing. The unique index makes the database refuse a second working run
-- of a year, whichever instance asks (NULLs never collide, so any number of runs are without a slot);
-- the check keeps the slot in step with the status, so a status change that forgets it fails loudly.
alter table evaluation_run add column year_slot varchar(16);

-- Every instance stops for this upgrade, so a run still queued or computing can never finish (start-up
-- failed such runs until now); failing them also leaves no year with two working runs.
update evaluation_run set status = 'FAILED', message = '平台重启导致计算中断，请重新计算。'
where status in ('QUEUED', 'RUNNING');

alter table evaluation_run add constraint evaluation_run_year_slot_check check (
    coalesce(year_slot, '-') = case when status in ('QUEUED', 'RUNNING') then 'WORKING' else '-' end);
create unique index evaluation_run_year_slot_idx on evaluation_run (data_year, year_slot);
