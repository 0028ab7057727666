-- A bank's white-list walks the registry by USCC and asks, for each enterprise, whether it consents to the
-- bank now: one probe of this index per enterprise. With only (bank_code, …) and (uscc, id) to choose from,
-- H2 took the bank's index and read every consent of the bank for each enterprise.
create index consent_uscc_bank_idx on consent (uscc, bank_code, ended_at, expires_on);
