-- stg_self_period_item: one row per reported year × period × unit × requirement in force that period.
-- Grain: (year, period, unit_id, requirement_id). A unit "reported" a period when it has any
-- self_assessment row for it; a requirement in force that the report left out gets status ej_svar
-- (is_missing_row true): a gap, not a missing row. outcome as in stg_self_item.
create or replace view stg_self_period_item as
with reported as (
    select distinct year, period, unit_id from self_assessment
),
in_force as (
    select p.year, p.period, p.unit_id, r.requirement_id, r.fokusomrade, r.programme_version
    from reported p
    join requirement r on p.year between r.since_year and coalesce(r.until_year, 9999)
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
