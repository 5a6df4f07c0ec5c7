-- goal_attainment_city: one row per build profile × year × fokusområde × unit_group (namnd, bolag), plus
-- fokusomrade = 'samtliga' per profile, year and group: how many of the organisation's nämnder – and,
-- apart, its bolag – reach the target on the share WE compute (*beräknad andel uppfyllt*,
-- goal_attainment). This is NOT the figure the city reports ("23 av 30 nämnder helt, 7 delvis"): that is
-- each nämnd's own judgement in the management system (*nämndens bedömning*), counted in judgement_city
-- and set beside this one in judgement_comparison. Grain: (profile, year, fokusomrade, unit_group).
-- For 'samtliga' a unit counts as ej if any fokusområde is ej, else delvis if any is delvis, else helt
-- (fokusområden without data are left out; a unit with no data at all is inga_uppgifter). In a year
-- without a programme in force every unit is inga_uppgifter (not graded; goal_attainment).
-- Profile public: 'samtliga' is over the fokusområden a public build shows per unit (setting
-- public_aggregate_only left out: counted in, one unit's grade there could be worked out from its
-- published grades in the others), and a fokusområde of public_aggregate_only has a row only where at
-- least min_units_for_public_aggregate() units have an attainment (a count of two units tells too
-- much). samtliga_excludes lists what a public 'samtliga' leaves out (NULL: nothing). goal_title: the
-- fokusområde's title, or for samtliga "Samtliga fokusområden", in profile public "… utom <title>".
-- Invariant: n_helt + n_delvis + n_ej + n_inga_uppgifter = n_units.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view goal_attainment_city as
with hidden as (
    select value as fokusomrade from setting_list where key = 'public_aggregate_only'
),
per_area as (
    select p.profile, g.year, g.unit_id, g.unit_group, g.fokusomrade, g.attainment
    from goal_attainment g cross join (select distinct profile from stg_profile_fokus) p
),
overall as (
    select
        profile, year, unit_id, unit_group, 'samtliga' as fokusomrade,
        case
            when count(attainment) = 0 then null
            when bool_or(attainment = 'ej') then 'ej'
            when bool_or(attainment = 'delvis') then 'delvis'
            else 'helt'
        end as attainment,
    from per_area
    semi join stg_profile_fokus using (profile, fokusomrade)
    group by all
),
counted as (
    select
        profile,
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
),
left_out as (
    select string_agg(h.fokusomrade, '|' order by f.sort_order) as codes, string_agg(lower(f.title_sv), ', ' order by f.sort_order) as titles
    from hidden h join fokusomrade f using (fokusomrade)
)
select c.*,
    case when c.profile = 'public' and c.fokusomrade = 'samtliga' then x.codes end as samtliga_excludes,
    case when c.fokusomrade <> 'samtliga' then f.title_sv
         when c.profile = 'public' and x.codes is not null then 'Samtliga fokusområden utom ' || x.titles
         else 'Samtliga fokusområden' end as goal_title,
    coalesce(f.sort_order, 99) as goal_order,
from counted c
cross join left_out x
left join fokusomrade f using (fokusomrade)
where c.profile = 'internal'
   or c.fokusomrade not in (select fokusomrade from hidden)
   or c.n_units - c.n_inga_uppgifter >= min_units_for_public_aggregate()
