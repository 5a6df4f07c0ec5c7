-- dash_leadership_reporting: who has reported for the current period: one row per nämnd and bolag
-- (stg_org_namnd) in force on the last day of the current period – the latest year × period any unit
-- has a self-assessment for (period order and end dates from table period). Grain: (unit_id).
-- reported: the unit has a self-assessment row for that year and period. last_year / last_period:
-- its latest earlier report (NULL if none). n_expected / n_reported: per unit_group, the units in
-- force and those that reported (the same on every row of the group).
-- Invariant: n_reported <= n_expected; no rows when there is no self-assessment at all.
create or replace view dash_leadership_reporting as
with current_period as (
    select s.year, s.period, p.sort_order, strptime(s.year::varchar || '-' || p.period_end, '%Y-%m-%d')::date as period_end
    from (select distinct year, period from self_assessment) s
    join period p using (period)
    order by s.year desc, p.sort_order desc
    limit 1
),
reports as (
    select distinct s.unit_id, s.year, p.sort_order, s.period
    from self_assessment s join period p using (period)
),
units as (
    select c.year, c.period, n.unit_id, n.name, n.kind, n.unit_group,
           exists (select 1 from reports r where r.unit_id = n.unit_id and r.year = c.year and r.period = c.period) as reported,
           (select r.year from reports r where r.unit_id = n.unit_id and (r.year, r.sort_order) < (c.year, c.sort_order)
            order by r.year desc, r.sort_order desc limit 1) as last_year,
           (select r.period from reports r where r.unit_id = n.unit_id and (r.year, r.sort_order) < (c.year, c.sort_order)
            order by r.year desc, r.sort_order desc limit 1) as last_period,
    from current_period c
    join stg_org_namnd n on valid_on(n.valid_from, n.valid_to, c.period_end)
)
select *,
       count(*) over (partition by unit_group)::integer as n_expected,
       count(*) filter (where reported) over (partition by unit_group)::integer as n_reported,
from units
