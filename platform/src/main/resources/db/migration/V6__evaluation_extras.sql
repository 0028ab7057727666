-- 量化评价: when a run actually started computing (created_at is when it was queued), for the
-- progress bar's time estimate. Portable SQL (PostgreSQL and H2 in PostgreSQL mode).
alter table evaluation_run add column started_at timestamp;
