-- dash_oj_year: ÖJ-svar's matrix columns: one row per ÖJ year with answers from the organisation's
-- ÖJ-answering nämnder. cells: the indicator cells any of them was asked, in catalog order; new_series:
-- those of them that open a new series that year (stg_indicator.break_year: nothing to compare with).
-- Grain: (year).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_oj_year as
with cells as (
    select distinct o.year, o.indicator_id, d.sort_order, d.break_year
    from stg_oj_item o join dash_indicator d using (indicator_id)
    where o.unit_id in (select unit_id from stg_org_namnd where answers_oj)
)
select year,
       list(indicator_id order by sort_order) as cells,
       coalesce(list(indicator_id order by sort_order) filter (where break_year = year), []) as new_series,
from cells
group by year
