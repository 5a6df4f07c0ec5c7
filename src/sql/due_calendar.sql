-- due_calendar: what falls due when, per unit, as known at the end of each year's latest reported period
-- (stg_due_reference.reference_date, "per 31 december 2025"). One row per year × nämnd or bolag in force
-- on the reference date × deadline it is subject to × due date of that deadline (stg_due_occurrence).
-- Grain: (year, unit_id, rule_id, due_date).
-- A unit is subject to a deadline when the requirement carrying it (requirement.due_rule) applies to
-- the unit that year (requirement_applicability); due dates before the unit existed, and those of years no
-- requirement carried the deadline (a deadline of 2016 for a requirement brought in by the 2019 programme),
-- are left out.
-- due_status, per reference_date, from the decisions the unit reported (stg_due_evidence, known by then):
-- i_tid – a decision dated window_start..due_date; sent – none in time, one dated after due_date up to
-- period_end; passerad (passerad tidsfrist) – none, and due_date lies before reference_date; kommande –
-- none yet, and the deadline has not passed. This is not "försenad" (self_gap.overdue, a planned date
-- passed at a report's period end): a deadline is a date of the rules, met by a dated decision.
-- decision_date, decision_ref, decision_requirement_id: the decision that decides the status (the first
-- in time, else the first late one), NULL for passerad and kommande.
-- is_current: reference_date lies in this due date's period (window_start..period_end); is_last: the
-- latest due date before reference_date; is_next: the first on or after it; months_ahead: for a due date on
-- or after reference_date, the fewest whole months N with due_date <= reference_date + N months (a
-- period's end is a month's end: 2026-12-31 is 12 months after 2025-12-31), NULL before it;
-- in_next_12_months: months_ahead <= 12. on_calendar: what a unit's calendar shows – the
-- current period's deadlines already passed (with how they were met) and those due in the next 12 months.
-- publish_in_public: false for a requirement of a fokusområde in setting public_aggregate_only.
-- Invariant: a decision is set exactly when due_status is i_tid or sent; passerad only before reference_date.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view due_calendar as
with subject as (
    select f.year, f.reference_date, a.unit_id, n.name, n.kind, n.unit_group, n.valid_from,
        r.requirement_id, r.text_sv as requirement_text, r.fokusomrade, r.due_rule as rule_id,
    from stg_due_reference f
    join requirement_applicability a on a.year = f.year
    join requirement r on r.requirement_id = a.requirement_id and r.due_rule is not null
    join stg_org_namnd n on n.unit_id = a.unit_id and valid_on(n.valid_from, n.valid_to, f.reference_date)
),
due as (
    select s.*, o.title_sv as rule_title, o.rule_kind, o.election_year, o.window_start, o.due_date, o.period_end,
    from subject s
    join stg_due_occurrence o on o.rule_id = s.rule_id and (s.valid_from is null or s.valid_from <= o.due_date)
    where exists (select 1 from requirement q where q.due_rule = o.rule_id and year(o.due_date) between q.since_year and coalesce(q.until_year, 9999))
),
decided as (
    -- the decisions known by the reference day: the first in time, and the first late one
    select d.*,
        arg_min(e, e.decision_date) filter (where e.decision_date between d.window_start and d.due_date) as in_time,
        arg_min(e, e.decision_date) filter (where e.decision_date > d.due_date and e.decision_date <= d.period_end) as late,
    from due d
    left join stg_due_evidence e
      on e.unit_id = d.unit_id and e.rule_id = d.rule_id and e.known_from <= d.reference_date and e.decision_date <= d.reference_date
    group by all
),
final as (
    select d.year, d.reference_date, d.unit_id, d.name, d.kind, d.unit_group,
        d.rule_id, d.rule_title, d.rule_kind, d.requirement_id, d.requirement_text, d.fokusomrade,
        d.election_year, d.window_start, d.due_date, d.period_end,
        case when d.in_time is not null then 'i_tid'
             when d.late is not null then 'sent'
             when d.due_date < d.reference_date then 'passerad'
             else 'kommande' end as due_status,
        struct_extract(coalesce(d.in_time, d.late), 'decision_date') as decision_date,
        struct_extract(coalesce(d.in_time, d.late), 'decision_ref') as decision_ref,
        struct_extract(coalesce(d.in_time, d.late), 'requirement_id') as decision_requirement_id,
        d.reference_date between d.window_start and d.period_end as is_current,
        case when d.due_date >= d.reference_date
             then (year(d.due_date) - year(d.reference_date)) * 12 + month(d.due_date) - month(d.reference_date)
                  + case when day(d.due_date) > day(d.reference_date) then 1 else 0 end end as months_ahead,
        coalesce(months_ahead <= 12, false) as in_next_12_months,
        coalesce(d.fokusomrade, '') not in (select value from setting_list where key = 'public_aggregate_only') as publish_in_public,
    from decided d
)
select *,
    due_date = max(due_date) filter (where due_date < reference_date) over (partition by year, unit_id, rule_id) is true as is_last,
    due_date = min(due_date) filter (where due_date >= reference_date) over (partition by year, unit_id, rule_id) is true as is_next,
    (is_current and due_date < reference_date) or in_next_12_months as on_calendar,
from final
