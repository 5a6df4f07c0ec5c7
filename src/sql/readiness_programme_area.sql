-- readiness_programme_area: one row per year × unit × area of the säkerhetsprogram in force that year
-- (its own areas: 2013's perspectives, 2018's five areas, 2020's five, 2024's four fokusområden), from
-- the unit's self-assessment (latest period of the year, requirements that apply to it).
-- Grain: (year, unit_id, programme_area). A year is reported in these areas first; fokusomrade is the
-- mapping to today's four fokusområden shown alongside (area_crosswalk; NULL where the area maps to none,
-- e.g. 2013's individperspektiv or 2018's förebygga brott). mapped_fokusomraden lists where the area's
-- requirements actually count when a requirement overrides its area's mapping (requirements.csv column
-- fokusomrade, e.g. general informationssäkerhet "-"); '-' for a requirement counted nowhere.
-- Counts and shares as in readiness (basis self): n_applicable is the denominator; share_met NULL when
-- nothing is applicable. A year without a programme in force has no rows (no requirement is in force).
-- Invariant: n_met + n_partial + n_not_met + n_unanswered + n_not_applicable = n_items.
create or replace view readiness_programme_area as
with items as (
    select i.year, i.unit_id, i.programme_version, i.programme_area, i.fokusomrade as requirement_fokusomrade, i.outcome
    from stg_self_item i
),
counts as (
    select
        year, unit_id, programme_version, programme_area,
        count(*)::integer as n_items,
        count(*) filter (where outcome = 'met')::integer as n_met,
        count(*) filter (where outcome = 'partial')::integer as n_partial,
        count(*) filter (where outcome = 'not_met')::integer as n_not_met,
        count(*) filter (where outcome = 'unanswered')::integer as n_unanswered,
        count(*) filter (where outcome = 'not_applicable')::integer as n_not_applicable,
        string_agg(distinct coalesce(requirement_fokusomrade, '-'), ',' order by coalesce(requirement_fokusomrade, '-')) as mapped_fokusomraden,
    from items
    group by all
)
select
    c.year, c.unit_id, c.programme_version, pv.title_sv as programme_title, c.programme_area,
    x.source_title_sv as programme_area_title, x.fokusomrade,
    c.mapped_fokusomraden,
    c.n_items, c.n_met, c.n_partial, c.n_not_met, c.n_unanswered, c.n_not_applicable,
    c.n_items - c.n_not_applicable as n_applicable,
    c.n_met / nullif(c.n_items - c.n_not_applicable, 0) as share_met,
    coalesce(x.fokusomrade, '') not in (
        select unnest(string_split(value, '|')) from setting where key = 'public_aggregate_only'
    ) as publish_in_public,
from counts c
join programme_version pv using (programme_version)
left join area_crosswalk x on x.scheme = c.programme_version and x.source_area = c.programme_area
