-- stg_self_item: one row per year × unit × requirement in force, from the unit's latest reported period
-- of that year (VB over T2 over T1). Grain: (year, unit_id, requirement_id). A requirement in force
-- that the unit's report left out is an item with status ej_svar (unanswered), not a missing row.
-- outcome: uppfyllt → met, delvis → partial, ej_uppfyllt → not_met, ej_svar → unanswered,
-- ej_aktuellt → not_applicable.
create or replace view stg_self_item as
with latest as (
    select s.year, s.unit_id, arg_max(s.period, p.sort_order) as period
    from self_assessment s
    join period p using (period)
    group by all
),
in_force as (
    select l.year, l.period, l.unit_id, r.requirement_id, r.fokusomrade, r.programme_version
    from latest l
    join requirement r on l.year between r.since_year and coalesce(r.until_year, 9999)
),
final as (
    select
        f.year,
        f.period,
        f.unit_id,
        f.requirement_id,
        f.fokusomrade,
        f.programme_version,
        coalesce(s.status, 'ej_svar') as status,
        case coalesce(s.status, 'ej_svar')
            when 'uppfyllt' then 'met' when 'delvis' then 'partial' when 'ej_uppfyllt' then 'not_met'
            when 'ej_svar' then 'unanswered' when 'ej_aktuellt' then 'not_applicable'
        end as outcome,
        s.requirement_id is null as is_missing_row,
    from in_force f
    left join self_assessment s using (year, period, unit_id, requirement_id)
)
select * from final
