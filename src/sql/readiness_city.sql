-- readiness_city: one row per year × fokusområde × basis for the organisation as a whole: the items of
-- all its nämnder pooled. Grain: (year, fokusomrade, basis). Counts are sums over nämnder; share_met =
-- sum(n_met) / sum(n_applicable), NULL when nothing is applicable. n_namnder_with_data: nämnder with at
-- least one applicable item. n_at_target / share_at_target (basis combined only, else NULL): nämnder whose
-- goal_attainment is helt, over nämnder with an attainment.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view readiness_city as
with pooled as (
    select
        r.year, r.fokusomrade, r.basis,
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
    where r.unit_id in (select unit_id from stg_org_namnd)
    group by all
),
at_target as (
    select year, fokusomrade,
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
    from pooled p
    left join at_target t using (year, fokusomrade)
)
select * from final
