-- The name and town indexes of the registry served no query: the directory searches names with
-- LIKE '%…%' and filters a district's enterprises (thousands, at most a hundred thousand), which a scan
-- answers in milliseconds. Each index cost a write per new enterprise on every 市场监管 import, and
-- that import of 100,000 new enterprises is the slowest one there is.
drop index enterprise_name_idx;
drop index enterprise_town_idx;
