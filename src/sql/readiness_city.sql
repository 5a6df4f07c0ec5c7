-- readiness_city: one row per year × fokusområde × basis × unit_group for the organisation as a whole:
-- the items of all its nämnder pooled, and apart those of all its bolag (unit_group namnd, bolag).
-- Grain: (year, fokusomrade, basis, unit_group). Counts are sums over the group's units; share_met =
-- sum(n_met) / sum(n_applicable), NULL when nothing is applicable. n_namnder_with_data: units of the
-- group with at least one applicable item. n_at_target / share_at_target (basis combined only, else
-- NULL): units whose goal_attainment is helt, over units with an attainment (computed, not the units'
-- own judgement). publish_in_public: always true – a pooled figure reveals no one unit's answers, so
-- this is where a public build shows the fokusområden of setting public_aggregate_only (säkerhetsskydd).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view readiness_city as
with pooled as (
    select
        r.year, r.fokusomrade, r.basis, n.unit_group,
        sum(r.n_items)::integer as n_items,
        sum(r.n_met)::integer as n_met,
        sum(r.n_partial)::integer as n_partial,
        sum(r.n_not_met)::integer as n_not_met,
        sum(r.n_in_progress)::integer as n_in_progress,
        sum(r.n_unanswered)::integer as n_unanswered,
        sum(r.n_not_applicable)::integer as n_not_applicable,
        sum(r.n_applicable)::integer as n_applicable,
        count(*) filter (where r.n_applicable > 0)::integer as n_namnder_with_data,
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
        p.n_met / nullif(p.n_applicable, 0) as share_met,
        (p.n_applicable - p.n_unanswered) / nullif(p.n_applicable, 0) as share_answered,
        case when p.basis = 'combined' then t.n_at_target end as n_at_target,
        case when p.basis = 'combined' then t.n_at_target / nullif(t.n_with_attainment, 0) end as share_at_target,
        true as publish_in_public,
    from pooled p
    left join at_target t using (year, fokusomrade, unit_group)
)
select * from final
