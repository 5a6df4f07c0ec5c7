-- dash_indicator: the ÖJ cells as the pages list them: one row per indicator of the catalog with its
-- area and verksamhet titles, in the catalog's order (sort_order: area, verksamhet, first year).
-- Grain: (indicator_id). break_before, break_year: the series-break rule of stg_indicator.
create or replace view dash_indicator as
select
    i.indicator_id, i.area, i.verksamhet, i.series, i.first_year, i.last_year,
    a.title_sv as area_title, v.title_sv as verksamhet_title, i.title_sv, i.answer_scale, i.fokusomrade, i.kolada_kpi_id,
    i.break_before, i.break_year,
    row_number() over (order by a.sort_order, v.sort_order, i.first_year, i.indicator_id)::integer as sort_order,
from stg_indicator i
join oj_area a using (area)
join oj_verksamhet v using (verksamhet)
