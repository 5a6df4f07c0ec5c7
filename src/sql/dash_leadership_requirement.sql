-- dash_leadership_requirement: the requirements most often unmet across units: one row per year ×
-- requirement × unit_group (namnd, bolag), from each unit's latest report of the year (stg_self_item:
-- requirements that apply to the unit; one left out of the report is unanswered).
-- Grain: (profile, year, requirement_id, unit_group). n_units: units the requirement applies to and is not
-- ej aktuellt for; n_met: reported uppfyllt; n_unmet = n_units − n_met (delvis, ej uppfyllt, pågår and
-- unanswered alike: "krigsplacering saknas hos N av 28"); n_partial, n_not_met, n_unanswered apart.
-- One row set per build profile: profile public leaves out the requirements of a fokusområde in setting
-- public_aggregate_only (their requirement-level detail stays out of a public build) and ranks the rest
-- among themselves, so no published rank moves with an unpublished requirement.
-- rank_unmet: 1 = most often unmet in the profile, year and group (ties share a rank).
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
),
shown as (
    select p.profile, c.*, r.fokusomrade, r.programme_area, r.text_sv
    from counted c
    join requirement r using (requirement_id)
    join stg_profile_fokus p on p.fokusomrade is not distinct from r.fokusomrade
    where c.n_units > 0
)
select profile, year, requirement_id, unit_group, fokusomrade, programme_area, text_sv,
       n_units, n_met, n_units - n_met as n_unmet, n_partial, n_not_met, n_unanswered,
       rank() over (partition by profile, year, unit_group order by n_units - n_met desc)::integer as rank_unmet,
from shown
