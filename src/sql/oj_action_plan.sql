-- oj_action_plan: every open ÖJ gap a nämnd is responsible for, with the action its action plan gives
-- (table oj_action, `beredskap import action-plan`), or none. One row per year × responsible nämnd ×
-- answering unit × ÖJ question: the rows egen and ansvarar of dash_namnd_oj_gap, so a shared gap is one
-- row per owner, each with an action of its own. Grain: (year, unit_id, answering_unit_id, indicator_id).
-- has_action: the plan names an action (a row with an empty Åtgärd is a gap without an action);
-- action, action_owner (the person or role responsible), due_date, action_status (planerad, pagar,
-- klar; NULL: not given), comment: as the plan says. An action for a cell that is no longer an open gap
-- (a corrected ÖJ file) stays stored and is not shown.
create or replace view oj_action_plan as
select g.year, g.unit_id, g.answering_unit_id, g.answering_name, g.indicator_id, g.indicator_title, g.fokusomrade,
    g.answer, g.gap_status, g.since_year, g.owner_reason, g.is_shared, g.shared_with,
    a.action is not null as has_action,
    a.action, a.owner as action_owner, a.due_date, a.action_status, a.comment,
from dash_namnd_oj_gap g
left join oj_action a
  on a.year = g.year and a.unit_id = g.unit_id and a.answering_unit_id = g.answering_unit_id and a.indicator_id = g.indicator_id
where g.role in ('egen', 'ansvarar')
