-- stg_self_latest_period: one row per year × unit with a self-assessment: the latest period the unit
-- reported that year (VB over T2 over T1, by period.sort_order). Grain: (year, unit_id). A period
-- counts as reported when the unit has any self_assessment row for it, gaps or not.
create or replace view stg_self_latest_period as
select s.year, s.unit_id, arg_max(s.period, p.sort_order) as period
from (select distinct year, unit_id, period from self_assessment) s
join period p using (period)
group by all
