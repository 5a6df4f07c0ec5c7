-- goal_attainment_city: one row per year × fokusområde, plus fokusomrade = 'samtliga' per year: how many
-- of the organisation's nämnder reached their target — the figure the city reports each year
-- ("23 av 30 nämnder helt, 7 delvis"). Grain: (year, fokusomrade).
-- For 'samtliga' a nämnd counts as ej if any fokusområde is ej, else delvis if any is delvis, else helt
-- (fokusområden without data are left out; a nämnd with no data at all is inga_uppgifter).
-- Invariant: n_helt + n_delvis + n_ej + n_inga_uppgifter = n_namnder.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view goal_attainment_city as
with per_area as (
    select year, unit_id, fokusomrade, attainment from goal_attainment
),
overall as (
    select
        year, unit_id, 'samtliga' as fokusomrade,
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
        count(*)::integer as n_namnder,
        count(*) filter (where attainment = 'helt')::integer as n_helt,
        count(*) filter (where attainment = 'delvis')::integer as n_delvis,
        count(*) filter (where attainment = 'ej')::integer as n_ej,
        count(*) filter (where attainment is null)::integer as n_inga_uppgifter,
    from (select * from per_area union all select * from overall)
    group by all
)
select * from final
