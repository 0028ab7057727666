-- The year-slot check of V18, said without IN and without OR: H2 turns `status in (…)` — and a chain of
-- `status = … or status = …` — into a constant set that keeps the session of the connection that created
-- the constraint, and once that connection is closed while the database stays open, every insert into
-- evaluation_run and every change of a run's status fails with "Check constraint invalid … The database
-- has been closed". On the embedded platform the connection that migrated is the pool's, which retires it
-- after its maximum lifetime (30 minutes): a platform started on a new or just upgraded H2 file could no
-- longer start, publish or fail runs until it was restarted (a restart re-reads the constraint in H2's own
-- session). A simple CASE compares in the session of the statement being checked. Same rule as V18;
-- PostgreSQL reads both alike.
alter table evaluation_run drop constraint evaluation_run_year_slot_check;
alter table evaluation_run add constraint evaluation_run_year_slot_check check (
    coalesce(year_slot, '-') = case status when 'QUEUED' then 'WORKING' when 'RUNNING' then 'WORKING'
                                           when 'NOTICE' then 'NOTICE' when 'PUBLISHED' then 'PUBLISHED' else '-' end);
