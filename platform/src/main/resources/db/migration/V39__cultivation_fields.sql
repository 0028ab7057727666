-- The columns the 高企/科小 pre-assessment reads that V2 did not collect: S&T staff as distinct from R&D
-- staff, R&D expense of the two earlier years, IP tied to the main products, the direct-pass facts of 科小,
-- and the enterprise's own scores for the judgement parts of the 高企 assessment. All optional: a missing
-- value is "数据缺失" in the assessment, never 0.
alter table source_record add column st_staff integer;
alter table source_record add column rd_expense_y1 double precision;
alter table source_record add column rd_expense_y2 double precision;
alter table source_record add column main_ip_class1 integer;
alter table source_record add column main_ip_class2 integer;
alter table source_record add column national_award_5y integer;
alter table source_record add column led_standards_5y integer;
alter table source_record add column self_ip_quality integer;
alter table source_record add column self_rd_management integer;

alter table enterprise_year add column st_staff integer;
alter table enterprise_year add column rd_expense_y1 double precision;
alter table enterprise_year add column rd_expense_y2 double precision;
alter table enterprise_year add column main_ip_class1 integer;
alter table enterprise_year add column main_ip_class2 integer;
alter table enterprise_year add column national_award_5y integer;
alter table enterprise_year add column led_standards_5y integer;
alter table enterprise_year add column self_ip_quality integer;
alter table enterprise_year add column self_rd_management integer;
