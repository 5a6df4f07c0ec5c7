-- export_goal: the export's sheet Måluppfyllelse – per unit and fokusområde the unit's own judgement
-- (stg_judgement_latest, with its motivering) beside the share we compute and its grade
-- (goal_attainment), side by side and never under one name. sheet_order: by year, unit, fokusområde.
-- in_scope as stg_org_scope. Grain: (year, unit_id, fokusomrade).
create or replace view export_goal as
select g.year, g.unit_id, u.name as unit_name, coalesce(f.title_sv, g.fokusomrade) as fokusomrade,
    j.judgement, j.motivering, g.target_share, g.share_met, g.n_applicable, g.attainment,
    g.unit_id in (select unit_id from stg_org_scope) as in_scope,
    row_number() over (order by g.year, g.unit_id, f.sort_order) as sheet_order
from goal_attainment g
join org_unit u using (unit_id)
left join fokusomrade f using (fokusomrade)
left join stg_judgement_latest j on j.year = g.year and j.unit_id = g.unit_id and j.goal = g.fokusomrade
