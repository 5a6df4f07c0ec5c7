-- dash_namnd_due: a nämnd page's calendar of deadlines (due_calendar rows on_calendar: the current
-- period's deadlines already passed and those due in the next 12 months, per reference_date), once per
-- build profile. Profile internal has every row with how it was met (due_status) and the decision that
-- shows it (decision_date, decision_ref); profile public has the deadlines only – the rule, the
-- requirement and the date, which are public – with due_status and the decision NULL (how many deadlines
-- passed without a decision is public, in unit_year_count), and no row of a requirement of a fokusområde
-- in setting public_aggregate_only. Grain: (profile, year, unit_id, rule_id, due_date).
-- is_passed: due_date lies before reference_date (the rules' date, not whether it was met).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_due as
select p.profile, c.year, c.reference_date, c.unit_id, c.rule_id, c.rule_title, c.requirement_id, c.requirement_text, c.fokusomrade,
    c.due_date, c.window_start, c.period_end, c.due_date < c.reference_date as is_passed, c.in_next_12_months,
    case when p.profile = 'internal' then c.due_status end as due_status,
    case when p.profile = 'internal' then c.decision_date end as decision_date,
    case when p.profile = 'internal' then c.decision_ref end as decision_ref,
from due_calendar c
cross join (values ('public'), ('internal')) p(profile)
where c.on_calendar and (p.profile = 'internal' or c.publish_in_public)
