-- dash_method_target: Metod's table of targets (data/targets.csv) as goal_attainment applies them: one
-- row per target with its fokusområde's and unit's names and delvis_from, the share at which delvis
-- begins (target_share - delvis_within_pp / 100, not below 0). Grain: (fokusomrade, unit_id, first_year).
-- sort_order: fokusområde, the all-nämnder target before a nämnd's own, first year.
create or replace view dash_method_target as
select t.first_year, t.last_year, t.fokusomrade, f.title_sv as fokusomrade_title, t.unit_id, u.name as unit_name,
       t.target_share, t.delvis_within_pp,
       greatest(0, t.target_share - t.delvis_within_pp / 100) as delvis_from,
       row_number() over (order by f.sort_order, t.unit_id nulls first, t.first_year)::integer as sort_order,
from target t
join fokusomrade f using (fokusomrade)
left join org_unit u using (unit_id)
