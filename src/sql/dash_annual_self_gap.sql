-- dash_annual_self_gap: Årsuppföljning's self-assessment figures: one row per year × nämnd of the
-- organisation that reported that year, in the latest period it reported (stg_self_latest_period):
-- n_open, its gaps not åtgärdade (self_gap), and n_overdue, those whose planned date had passed at the
-- period's end (overdue_at_period_end: the report does not change with the day it is built).
-- Grain: (year, unit_id). Invariant: 0 <= n_overdue <= n_open.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_annual_self_gap as
select l.year, l.unit_id, l.period,
       count(g.requirement_id) filter (where g.gap_status <> 'atgardad')::integer as n_open,
       count(g.requirement_id) filter (where g.gap_status <> 'atgardad' and g.overdue_at_period_end)::integer as n_overdue,
from stg_self_latest_period l
left join self_gap g on g.year = l.year and g.unit_id = l.unit_id and g.period = l.period
where l.unit_id in (select unit_id from stg_org_namnd)
group by all
