-- dash_goal_attainment: Måluppfyllelse's and the nämnd pages' goal figures: goal_attainment with the
-- share at which delvis begins (delvis_from = target_share - delvis_within_pp / 100, not below 0), so
-- that no page computes a threshold. Grain: (year, unit_id, fokusomrade). unit_group (namnd, bolag) and
-- publish_in_public as goal_attainment (a unit's säkerhetsskydd grade is internal only).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_goal_attainment as
select g.year, g.unit_id, g.fokusomrade, g.share_met, g.n_applicable, g.target_share, g.delvis_within_pp,
       case when g.target_share is not null then greatest(0, g.target_share - g.delvis_within_pp / 100) end as delvis_from,
       g.attainment, g.unit_group, g.publish_in_public,
from goal_attainment g
