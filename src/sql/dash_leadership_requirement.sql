-- dash_leadership_requirement: the requirements most often unmet across units: one row per year ×
-- requirement × unit_group (namnd, bolag), from each unit's latest report of the year (stg_self_item:
-- requirements that apply to the unit; one left out of the report is unanswered).
-- Grain: (year, requirement_id, unit_group). n_units: units the requirement applies to and is not
-- ej aktuellt for; n_met: reported uppfyllt; n_unmet = n_units − n_met (delvis, ej uppfyllt, pågår and
-- unanswered alike: "krigsplacering saknas hos N av 28"); n_partial, n_not_met, n_unanswered apart.
-- rank_unmet: 1 = most often unmet in the year and group (ties share a rank). publish_in_public:
-- false for requirements of a fokusområde in setting public_aggregate_only (their requirement-level
-- detail stays out of a public build; the loader picks by profile).
-- Invariant: n_met + n_unmet = n_units; n_partial + n_not_met + n_unanswered <= n_unmet.
create or replace view dash_leadership_requirement as
with counted as (
    select s.year, s.requirement_id, n.unit_group,
           count(*) filter (where s.outcome <> 'not_applicable')::integer as n_units,
           count(*) filter (where s.outcome = 'met')::integer as n_met,
           count(*) filter (where s.outcome = 'partial')::integer as n_partial,
           count(*) filter (where s.outcome = 'not_met')::integer as n_not_met,
           count(*) filter (where s.outcome = 'unanswered')::integer as n_unanswered,
    from stg_self_item s
    join stg_org_namnd n using (unit_id)
    group by all
)
select c.year, c.requirement_id, c.unit_group, r.fokusomrade, r.programme_area, r.text_sv,
       c.n_units, c.n_met, c.n_units - c.n_met as n_unmet, c.n_partial, c.n_not_met, c.n_unanswered,
       rank() over (partition by c.year, c.unit_group order by c.n_units - c.n_met desc)::integer as rank_unmet,
       coalesce(r.fokusomrade not in (select value from setting_list where key = 'public_aggregate_only'), true) as publish_in_public,
from counted c
join requirement r using (requirement_id)
where c.n_units > 0
