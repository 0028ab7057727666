-- worker_instance, heartbeat_at: which platform instance loads a running import attempt, and when that
-- instance last confirmed it still does (by the database's clock, which all instances share), as
-- evaluation_run has since V18. A running attempt whose heartbeat is older than the lease
-- (points.imports.lease) has lost its instance, and any instance marks it interrupted — or succeeded
-- when its batch committed. Attempts running at the upgrade have neither: the first instance to start
-- recovers them, as every start did before (an upgrade stops every instance).
alter table data_import_attempt add column worker_instance varchar(100);
alter table data_import_attempt add column heartbeat_at timestamp;
