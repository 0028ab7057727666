-- 量化评价 · evaluation runs in a database that several platform instances share
-- (docs/adr/0008-run-ownership-and-serialised-publishing.md). Portable SQL (PostgreSQL and H2 in
-- PostgreSQL mode).

-- year_slot: the run's place among its year's runs, of which a year has at most one each — 'WORKING'
-- while the run is queued or computing, 'NOTICE' while on notice, 'PUBLISHED' while published. The
-- unique index makes the database refuse a second such run of a year, whichever instance asks (NULLs
-- never collide, so any number of runs are without a slot); the check keeps the slot in step with the
-- status, so a status change that forgets it fails loudly.
alter table evaluation_run add column year_slot varchar(16);

-- Every instance stops for this upgrade, so a run still queued or computing can never finish (start-up
-- failed such runs until now); failing them also leaves no year with two working runs.
update evaluation_run set status = 'FAILED', message = '平台重启导致计算中断，请重新计算。'
where status in ('QUEUED', 'RUNNING');
-- What failed runs saved is never shown and was never removed when their worker died with them.
delete from score_result where run_id in (select id from evaluation_run where status = 'FAILED');

-- Two simultaneous 公示 or 发布 could leave a year with two runs on notice or two published: the published
-- one is the run publication points to, the one on notice the newest; the others were replaced.
update evaluation_run set status = 'SUPERSEDED'
where status = 'PUBLISHED' and id not in (select run_id from publication);
update evaluation_run set status = 'SUPERSEDED'
where status = 'NOTICE' and exists (select 1 from evaluation_run newer
                                    where newer.data_year = evaluation_run.data_year and newer.status = 'NOTICE'
                                      and newer.id > evaluation_run.id);
update evaluation_run set year_slot = status where status in ('NOTICE', 'PUBLISHED');

alter table evaluation_run add constraint evaluation_run_year_slot_check check (
    coalesce(year_slot, '-') = case when status in ('QUEUED', 'RUNNING') then 'WORKING'
                                    when status in ('NOTICE', 'PUBLISHED') then status else '-' end);
create unique index evaluation_run_year_slot_idx on evaluation_run (data_year, year_slot);

-- 公示, its withdrawal and 发布 lock their year's row here (select … for update) for their transaction, so
-- that two of them for one year — on any instance — run one after the other, the later seeing what the
-- earlier did. publication cannot serve: it has no row before a year's first publication. A year's row
-- is created on first use.
create table evaluation_year_lock (
    data_year integer not null primary key
);

-- worker_instance, heartbeat_at: which platform instance queued the run and computes it, and when that
-- instance last confirmed it still does (by the database's clock, which all instances share). A queued or
-- running run whose heartbeat is older than the lease (points.runs.lease) has lost its instance or its
-- worker, and any instance takes it over.
alter table evaluation_run add column worker_instance varchar(100);
alter table evaluation_run add column heartbeat_at timestamp;
