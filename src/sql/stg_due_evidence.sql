-- stg_due_evidence: the decisions a unit has reported for a deadline: one row per unit × deadline
-- (requirement.due_rule) × decision date, from every self-assessment row that reports a requirement
-- carrying the deadline uppfyllt with a beslutsdatum. Grain: (unit_id, rule_id, decision_date).
-- The requirement may be of any programme version: an RSA reported under 2020–2023's K01 and under
-- 2024's B01 is the same deadline (the configuration check lets one requirement a year carry a rule).
-- known_from: the last day of the first period a report gave the decision (a calendar per an earlier
-- day does not know it yet); decision_ref: the diarienummer or document that report named (the first
-- one named, should later reports name it otherwise); requirement_id, year, period: that report's.
-- Only the unit's own reports: a nämnd formed by a merger brings its own decisions.
create or replace view stg_due_evidence as
with rows as (
    select s.unit_id, r.due_rule as rule_id, s.decision_date, s.decision_ref, s.requirement_id, s.year, s.period,
        strptime(s.year::varchar || '-' || p.period_end, '%Y-%m-%d')::date as reported_end,
    from self_assessment s
    join requirement r using (requirement_id)
    join period p using (period)
    where r.due_rule is not null and s.status = 'uppfyllt' and s.decision_date is not null
)
select unit_id, rule_id, decision_date,
    min(reported_end) as known_from,
    arg_min(decision_ref, reported_end) filter (where decision_ref is not null) as decision_ref,
    arg_min(requirement_id, reported_end) as requirement_id,
    arg_min(year, reported_end) as year,
    arg_min(period, reported_end) as period,
from rows
group by all
