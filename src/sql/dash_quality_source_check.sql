-- dash_quality_source_check: Datakvalitet's check of the files against Kolada: one row per year ×
-- comparison (agree, differs, only_workbook, only_kolada) with the number of cells (oj_source_check).
-- Grain: (year, comparison).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_quality_source_check as
select year, comparison, count(*)::integer as n from oj_source_check group by all
