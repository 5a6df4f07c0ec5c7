-- dash_kommungrupp_edition: the editions of SKR's kommungruppsindelning, for Jämförelse (which edition a
-- year's kommungrupper are) and Metod: one row per edition, in force for ÖJ years first_year to last_year
-- (NULL: until further notice). Grain: (edition). n_kommuner: kommuner with a group; n_moved: of those in
-- the edition before too, how many are in another group (NULL for the earliest edition); renamed: the
-- groups whose name changed since the edition before, "C7: old → new", '; '-separated (NULL: none).
create or replace view dash_kommungrupp_edition as
with ordered as (
    select edition, lag(edition) over (order by first_year) as previous_edition from kommungrupp_edition
),
moved as (
    select o.edition, count(*) filter (where m.skr_group <> p.skr_group)::integer as n_moved
    from ordered o
    join stg_kommungrupp_member m on m.edition = o.edition
    join stg_kommungrupp_member p on p.edition = o.previous_edition and p.unit_id = m.unit_id
    group by o.edition
),
renamed as (
    select o.edition, string_agg(g.skr_group || ': ' || p.name || ' → ' || g.name, '; ' order by g.skr_group) as renamed
    from ordered o
    join kommungrupp_group g on g.edition = o.edition
    join kommungrupp_group p on p.edition = o.previous_edition and p.skr_group = g.skr_group
    where p.name <> g.name
    group by o.edition
)
select e.edition, e.title_sv, e.first_year, e.last_year, e.note,
       (select count(*) from kommungrupp_member m where m.edition = e.edition)::integer as n_kommuner,
       mv.n_moved, r.renamed,
from kommungrupp_edition e
left join moved mv using (edition)
left join renamed r using (edition)
