-- dash_quality_source_differs: Datakvalitet's list of cells where a file and Kolada give different
-- answers (oj_source_check.comparison = 'differs'), with the kommun's name; the first 500 in the page's
-- order (year, kommun, indicator); the question by its title (indicator_title). Grain: (year, unit_id, indicator_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_quality_source_differs as
select c.year, u.name, c.indicator_id, i.title_sv as indicator_title, c.workbook_answer, c.kolada_answer, c.kolada_value, c.kolada_status, c.unit_id,
from oj_source_check c
join org_unit u using (unit_id)
join indicator i using (indicator_id)
where c.comparison = 'differs'
order by c.year, u.name, c.indicator_id
limit 500
