-- stg_judgement_latest: one row per year × unit × goal with a judgement: nämndens bedömning from the
-- latest period the unit judged that goal in that year (VB over T2 over T1, by period.sort_order) – the
-- year's own judgement, as the city's annual report counts it. Grain: (year, unit_id, goal).
create or replace view stg_judgement_latest as
select j.year, j.unit_id, j.goal,
    arg_max(j.period, p.sort_order) as period,
    arg_max(j.judgement, p.sort_order) as judgement,
    arg_max(j.motivering, p.sort_order) as motivering,
    arg_max(j.source_file_id, p.sort_order) as source_file_id,
from unit_judgement j
join period p using (period)
group by all
