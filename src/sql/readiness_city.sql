-- readiness_city: one row per year × fokusområde × basis × unit_group for the organisation as a whole:
-- the items of all its nämnder pooled, and apart those of all its bolag (unit_group namnd, bolag).
-- Grain: (year, fokusomrade, basis, unit_group). Counts are over the group's readiness_item rows, an ÖJ
-- cell that several of the group's units are responsible for (a shared cell) counted once as its own
-- item; share_met = n_met / n_applicable, NULL when nothing is applicable. n_namnder_with_data: units
-- of the group with at least one applicable item. n_at_target / share_at_target (basis combined only,
-- else NULL): units whose goal_attainment is helt, over units with an attainment (computed, not the
-- units' own judgement). publish_in_public: a pooled figure reveals no one unit's answers, so this is
-- where a public build shows the fokusområden of setting public_aggregate_only (säkerhetsskydd) – but
-- only where at least min_units_for_public_aggregate() units have data in it: a pool of one unit is
-- that unit's figure. Other fokusområden: always true.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view readiness_city as
with items as (
    select i.year, i.fokusomrade, i.basis, n.unit_group, i.unit_id, i.item_kind, i.item_id, i.answering_unit_id, i.outcome
    from readiness_item i
    join stg_org_namnd n using (unit_id)
),
pooled_items as (
    -- a requirement item is the unit's own; an ÖJ cell is one answer whoever is responsible for it
    select year, fokusomrade, basis, unit_group, outcome from items where item_kind = 'requirement'
    union all
    select distinct on (year, fokusomrade, basis, unit_group, answering_unit_id, item_id) year, fokusomrade, basis, unit_group, outcome
    from items where item_kind = 'oj_cell'
),
frame as (
    select distinct r.year, r.fokusomrade, r.basis, n.unit_group
    from readiness r
    join stg_org_namnd n using (unit_id)
),
pooled as (
    select
        f.year, f.fokusomrade, f.basis, f.unit_group,
        count(p.outcome)::integer as n_items,
        count(*) filter (where p.outcome = 'met')::integer as n_met,
        count(*) filter (where p.outcome = 'partial')::integer as n_partial,
        count(*) filter (where p.outcome = 'not_met')::integer as n_not_met,
        count(*) filter (where p.outcome = 'in_progress')::integer as n_in_progress,
        count(*) filter (where p.outcome = 'unanswered')::integer as n_unanswered,
        count(*) filter (where p.outcome = 'not_applicable')::integer as n_not_applicable,
        count(p.outcome) filter (where p.outcome <> 'not_applicable')::integer as n_applicable,
    from frame f
    left join pooled_items p using (year, fokusomrade, basis, unit_group)
    group by all
),
with_data as (
    select r.year, r.fokusomrade, r.basis, n.unit_group, count(*) filter (where r.n_applicable > 0)::integer as n_namnder_with_data,
    from readiness r
    join stg_org_namnd n using (unit_id)
    group by all
),
at_target as (
    select year, fokusomrade, unit_group,
        count(*) filter (where attainment = 'helt')::integer as n_at_target,
        count(attainment)::integer as n_with_attainment,
    from goal_attainment
    group by all
),
final as (
    select
        p.*,
        w.n_namnder_with_data,
        p.n_met / nullif(p.n_applicable, 0) as share_met,
        (p.n_applicable - p.n_unanswered) / nullif(p.n_applicable, 0) as share_answered,
        case when p.basis = 'combined' then t.n_at_target end as n_at_target,
        case when p.basis = 'combined' then t.n_at_target / nullif(t.n_with_attainment, 0) end as share_at_target,
        p.fokusomrade not in (select value from setting_list where key = 'public_aggregate_only')
            or w.n_namnder_with_data >= min_units_for_public_aggregate() as publish_in_public,
    from pooled p
    join with_data w using (year, fokusomrade, basis, unit_group)
    left join at_target t using (year, fokusomrade, unit_group)
)
select * from final
