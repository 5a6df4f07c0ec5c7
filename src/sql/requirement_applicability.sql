-- requirement_applicability: one row per year × unit followed × requirement that applies to it that year.
-- Grain: (unit_id, requirement_id, year). A unit followed is a nämnd or bolag of the organisation
-- (stg_org_namnd) that existed some day of the year; a requirement is in force in since_year..until_year.
-- It applies (data/requirement_applicability.csv, table requirement_applicability_rule) when it has no
-- including rule (applies = true) or one names the unit's kind or the unit – and no excluding rule
-- (applies = false) names the unit. So a requirement with only an excluding row applies to everyone else.
-- applies_by: alla (no including rule) or regel. Years run from the first requirement's since_year to two
-- years ahead (templates for next year are made in the autumn), or the latest self-assessed year if later.
-- Feeds the templates, the self-assessment items (stg_self_period_item: readiness denominators and gap
-- lists): a requirement that does not apply to a unit is neither asked nor counted for it.
-- Invariant: every row's year lies in its requirement's since_year..until_year.
create or replace view requirement_applicability as
with years as (
    select unnest(range(
        (select min(since_year) from requirement),
        greatest(year(current_date) + 2, coalesce((select max(year) from self_assessment), 0)) + 1
    )) as year
),
candidates as (
    select y.year, n.unit_id, n.kind, n.unit_group, r.requirement_id, r.programme_version, r.fokusomrade
    from years y
    join requirement r on y.year between r.since_year and coalesce(r.until_year, 9999)
    join stg_org_namnd n
      on valid_during_year(n.valid_from, n.valid_to, y.year)
),
final as (
    select c.unit_id, c.requirement_id, c.year, c.unit_group, c.programme_version, c.fokusomrade,
        case when exists (select 1 from requirement_applicability_rule a where a.requirement_id = c.requirement_id and a.applies)
             then 'regel' else 'alla' end as applies_by,
    from candidates c
    where (not exists (select 1 from requirement_applicability_rule a where a.requirement_id = c.requirement_id and a.applies)
           or exists (select 1 from requirement_applicability_rule a
                      where a.requirement_id = c.requirement_id and a.applies and (a.unit_kind = c.kind or a.unit_id = c.unit_id)))
      and not exists (select 1 from requirement_applicability_rule a
                      where a.requirement_id = c.requirement_id and not a.applies and a.unit_id = c.unit_id)
)
select * from final
