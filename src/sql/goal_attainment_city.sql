-- goal_attainment_city: one row per year × fokusområde × unit_group (namnd, bolag), plus fokusomrade =
-- 'samtliga' per year and group: how many of the organisation's nämnder – and, apart, its bolag – reach
-- the target on the share WE compute (*beräknad andel uppfyllt*, goal_attainment). This is NOT the
-- figure the city reports ("23 av 30 nämnder helt, 7 delvis"): that is each nämnd's own judgement in
-- the management system (*nämndens bedömning*), counted in judgement_city and set beside this one in
-- judgement_comparison. Grain: (year, fokusomrade, unit_group).
-- For 'samtliga' a unit counts as ej if any fokusområde is ej, else delvis if any is delvis, else helt
-- (fokusområden without data are left out; a unit with no data at all is inga_uppgifter). In a year
-- without a programme in force every unit is inga_uppgifter (not graded; goal_attainment).
-- Invariant: n_helt + n_delvis + n_ej + n_inga_uppgifter = n_units.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view goal_attainment_city as
with per_area as (
    select year, unit_id, unit_group, fokusomrade, attainment from goal_attainment
),
overall as (
    select
        year, unit_id, unit_group, 'samtliga' as fokusomrade,
        case
            when count(attainment) = 0 then null
            when bool_or(attainment = 'ej') then 'ej'
            when bool_or(attainment = 'delvis') then 'delvis'
            else 'helt'
        end as attainment,
    from per_area
    group by all
),
final as (
    select
        year,
        fokusomrade,
        unit_group,
        count(*)::integer as n_units,
        count(*) filter (where attainment = 'helt')::integer as n_helt,
        count(*) filter (where attainment = 'delvis')::integer as n_delvis,
        count(*) filter (where attainment = 'ej')::integer as n_ej,
        count(*) filter (where attainment is null)::integer as n_inga_uppgifter,
    from (select * from per_area union all select * from overall)
    group by all
)
select * from final
