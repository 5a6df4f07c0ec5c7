-- dash_leadership_attainment: Stadsledning's måluppfyllelse, the two figures named apart: one row per
-- year × goal (a fokusområde or 'samtliga') × unit_group (namnd, bolag) × measure:
-- measure 'bedomning' = *nämndens bedömning* (judgement_city: the units' own helt/delvis/ej, the figure
-- the city reports); measure 'beraknad' = *beräknad måluppfyllelse* (goal_attainment_city: graded from
-- the share we compute). Never summed across measures or unit groups.
-- One row set per build profile (goal_attainment_city's: a public 'samtliga' leaves out the fokusområden
-- published only as aggregates, samtliga_excludes; nämndens bedömning is the same in both).
-- Grain: (profile, year, goal, unit_group, measure). goal_title: the fokusområde's title or the
-- samtliga row's (goal_attainment_city.goal_title; nämndens bedömning: "Samtliga fokusområden"). n_none: units without a judgement (bedomning) or without
-- figures (beraknad). has_data: at least one unit has helt, delvis or ej. previous_*: the same row the
-- year before, only where that year has data (so no caption names a year without figures);
-- previous_year NULL otherwise.
-- Invariant: n_helt + n_delvis + n_ej + n_none = n_units (and likewise for previous_* when present).
create or replace view dash_leadership_attainment as
with measures as (
    select p.profile, year, goal, unit_group, 'bedomning' as measure, n_units, n_helt, n_delvis, n_ej, n_utan_bedomning as n_none,
        null::varchar as samtliga_excludes, null::varchar as goal_title
    from judgement_city cross join (select distinct profile from stg_profile_fokus) p
    union all
    select profile, year, fokusomrade, unit_group, 'beraknad', n_units, n_helt, n_delvis, n_ej, n_inga_uppgifter, samtliga_excludes, goal_title
    from goal_attainment_city
),
flagged as (
    select *, n_units > n_none as has_data from measures
)
select m.profile, m.year, m.goal, coalesce(m.goal_title, f.title_sv, 'Samtliga fokusområden') as goal_title, coalesce(f.sort_order, 99) as goal_order,
       m.unit_group, m.measure, m.samtliga_excludes, m.n_units, m.n_helt, m.n_delvis, m.n_ej, m.n_none, m.has_data,
       p.year as previous_year, p.n_units as previous_n_units, p.n_helt as previous_n_helt,
       p.n_delvis as previous_n_delvis, p.n_ej as previous_n_ej, p.n_none as previous_n_none,
       m.n_helt - p.n_helt as change_n_helt,
from flagged m
left join fokusomrade f on f.fokusomrade = m.goal
left join flagged p on p.profile = m.profile and p.year = m.year - 1 and p.goal = m.goal and p.unit_group = m.unit_group
                   and p.measure = m.measure and p.has_data
