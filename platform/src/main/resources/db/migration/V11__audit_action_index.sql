-- 审计日志 searches by action ("every export this month") next to the user and enterprise searches.
create index audit_event_action on audit_event (action, occurred_at);
