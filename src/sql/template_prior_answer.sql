-- template_prior_answer: a self-assessment answer as a template prefills it: status, comment, action,
-- owner, dates as ISO text and the decision's reference. Only the unit's own rows: a nämnd formed by a
-- merger starts blank rather than inherit a predecessor's answers. Grain: (unit_id, year, period, requirement_id).
create or replace view template_prior_answer as
select unit_id, year, period, requirement_id, status, comment, planned_action, owner, due_date::varchar as due_date,
    decision_date::varchar as decision_date, decision_ref
from self_assessment
