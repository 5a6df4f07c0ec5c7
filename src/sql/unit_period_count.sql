-- unit_period_count: the one count of a unit's self-assessment per report: one row per build profile ×
-- nämnd or bolag of the organisation (stg_org_namnd) × year × period it reported (any self_assessment
-- row). Every page, report, export and template that shows how many requirements a unit has open, new,
-- remaining, fixed or försenade in a report reads it here (or through unit_year_count, its latest
-- report of the year). Grain: (profile, unit_id, year, period).
-- n_requirements: requirements that apply to the unit in that report and are not ej aktuellt;
-- n_open: its gaps (self_gap, delvis, ej uppfyllt or unanswered) = n_new + n_remaining; n_new: gaps since
-- the report before; n_remaining: gaps that were gaps before too; n_fixed: uppfyllt now, a gap before;
-- n_overdue (försenade): open gaps whose planned date had passed at the period's end (self_gap.overdue).
-- period_order: the period's place in the year; is_latest: the unit's latest report of the year (the
-- one the year's figures come from, stg_self_latest_period).
-- Profile internal counts every requirement; profile public leaves out those of a fokusområde in
-- setting public_aggregate_only (säkerhetsskydd), so that no published count of a unit differs from
-- another by a säkerhetsskydd requirement. Counts are public; which requirement is försenad, and when it
-- was due, is not (dash_namnd_self_gap).
-- Invariant: n_open = n_new + n_remaining; n_overdue <= n_open <= n_requirements.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view unit_period_count as
with profiles as (
    select distinct profile from stg_profile_fokus
),
reported as (
    select distinct s.year, s.period, s.unit_id, p.sort_order as period_order
    from self_assessment s join period p using (period)
    where s.unit_id in (select unit_id from stg_org_namnd)
),
items as (
    select sh.profile, i.year, i.period, i.unit_id, count(*) filter (where i.outcome <> 'not_applicable')::integer as n_requirements
    from stg_self_period_item i
    join stg_profile_fokus sh on sh.fokusomrade is not distinct from i.fokusomrade
    group by all
),
gaps as (
    select sh.profile, g.year, g.period, g.unit_id,
        count(*) filter (where g.gap_status <> 'atgardad')::integer as n_open,
        count(*) filter (where g.gap_status = 'ny')::integer as n_new,
        count(*) filter (where g.gap_status = 'kvarstaende')::integer as n_remaining,
        count(*) filter (where g.gap_status = 'atgardad')::integer as n_fixed,
        count(*) filter (where g.overdue)::integer as n_overdue,
    from self_gap g
    join stg_profile_fokus sh on sh.fokusomrade is not distinct from g.fokusomrade
    group by all
)
select pr.profile, r.unit_id, r.year, r.period, r.period_order,
    (l.period is not null) as is_latest,
    coalesce(i.n_requirements, 0) as n_requirements,
    coalesce(g.n_open, 0) as n_open,
    coalesce(g.n_new, 0) as n_new,
    coalesce(g.n_remaining, 0) as n_remaining,
    coalesce(g.n_fixed, 0) as n_fixed,
    coalesce(g.n_overdue, 0) as n_overdue,
from reported r
cross join profiles pr
left join stg_self_latest_period l on l.year = r.year and l.unit_id = r.unit_id and l.period = r.period
left join items i on i.profile = pr.profile and i.year = r.year and i.period = r.period and i.unit_id = r.unit_id
left join gaps g on g.profile = pr.profile and g.year = r.year and g.period = r.period and g.unit_id = r.unit_id
