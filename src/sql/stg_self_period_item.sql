-- stg_self_period_item: one row per reported year × period × unit × requirement that applies to the unit
-- that year (requirement_applicability: in force, and meant for the unit's kind or the unit).
-- Grain: (year, period, unit_id, requirement_id). A unit "reported" a period when it has any
-- self_assessment row for it; an applicable requirement that the report left out gets status ej_svar
-- (is_missing_row true): a gap, not a missing row. A requirement that does not apply to the unit is no
-- item of it, even if its report answered it. outcome as in stg_self_item.
create or replace view stg_self_period_item as
with reported as (
    select distinct year, period, unit_id from self_assessment
),
in_force as (
    select p.year, p.period, p.unit_id, r.requirement_id, r.fokusomrade, r.programme_version, r.programme_area
    from reported p
    join requirement_applicability a on a.year = p.year and a.unit_id = p.unit_id
    join requirement r on r.requirement_id = a.requirement_id
)
select
    f.*,
    coalesce(s.status, 'ej_svar') as status,
    case coalesce(s.status, 'ej_svar')
        when 'uppfyllt' then 'met' when 'delvis' then 'partial' when 'ej_uppfyllt' then 'not_met'
        when 'ej_svar' then 'unanswered' when 'ej_aktuellt' then 'not_applicable'
    end as outcome,
    s.requirement_id is null as is_missing_row,
    s.comment,
    s.planned_action,
    s.owner,
    s.due_date,
from in_force f
left join self_assessment s using (year, period, unit_id, requirement_id)
