-- annual_unit: the annual follow-up's one compact row per nämnd and bolag: one row per build profile ×
-- year × unit of unit_year_count counted in the year (in force on 31 December). Grain: (profile, year, unit_id).
-- From unit_year_count (the same counts as the unit's page, report and export): name, kind,
-- unit_group, sort_order, self_period, n_requirements, n_open, n_overdue (försenade at the period's
-- end), n_oj_open, has_judgement.
-- judgement: nämndens bedömning of the programme as a whole (goal samtliga, stg_judgement_latest),
-- NULL when the unit gave none; n_goals_judged: the goals (fokusområden and samtliga) it judged.
-- The three shares over all fokusområden the profile shows per unit (dash_namnd_readiness; profile
-- public leaves out publish_in_public = false, säkerhetsskydd), each with its n: share_oj / n_oj (ÖJ
-- only), share_self / n_self (self-assessment only), share_met / n_applicable (combined, each fact once)
-- = Σ met ÷ Σ applicable over those fokusområden (a fokusområde's items are its own, so the sum counts
-- each item once); NULL where the basis has no applicable item; few_<basis>: n below
-- min_items_for_share().
-- computed: the unit's beräknad måluppfyllelse over the same fokusområden (ej if any is ej, else
-- delvis if any is delvis, else helt; goal_attainment), NULL without a grade; judgement_differs: the
-- unit's own judgement differs from computed (both present).
-- Invariant: n_overdue <= n_open; 0 <= share_* <= 1.
create or replace view annual_unit as
with shown as (
    select p.profile, r.*
    from dash_namnd_readiness r
    join stg_profile_fokus p using (fokusomrade)
),
shares as (
    select profile, year, unit_id,
        sum(n_met_oj)::integer as n_met_oj, sum(n_oj)::integer as n_oj,
        sum(n_met_self)::integer as n_met_self, sum(n_self)::integer as n_self,
        sum(n_met)::integer as n_met, sum(n_applicable)::integer as n_applicable,
    from shown
    group by all
),
graded as (
    select p.profile, g.year, g.unit_id,
        case when count(g.attainment) = 0 then null
             when bool_or(g.attainment = 'ej') then 'ej'
             when bool_or(g.attainment = 'delvis') then 'delvis'
             else 'helt' end as computed,
    from goal_attainment g
    join stg_profile_fokus p using (fokusomrade)
    group by all
),
judged as (
    select year, unit_id,
        any_value(judgement) filter (where goal = 'samtliga') as judgement,
        count(*)::integer as n_goals_judged,
    from stg_judgement_latest
    group by all
)
select u.profile, u.year, u.unit_id, u.name, u.kind, u.unit_group, u.sort_order,
    u.self_period, u.n_requirements, u.n_open, u.n_overdue, u.n_oj_open, u.has_judgement,
    j.judgement, coalesce(j.n_goals_judged, 0) as n_goals_judged,
    s.n_met_oj / nullif(s.n_oj, 0) as share_oj, coalesce(s.n_oj, 0) as n_oj,
    s.n_oj between 1 and min_items_for_share() - 1 as few_oj,
    s.n_met_self / nullif(s.n_self, 0) as share_self, coalesce(s.n_self, 0) as n_self,
    s.n_self between 1 and min_items_for_share() - 1 as few_self,
    s.n_met / nullif(s.n_applicable, 0) as share_met, coalesce(s.n_applicable, 0) as n_applicable,
    s.n_applicable between 1 and min_items_for_share() - 1 as few_items,
    g.computed,
    coalesce(j.judgement <> g.computed, false) as judgement_differs,
from unit_year_count u
left join shares s using (profile, year, unit_id)
left join graded g using (profile, year, unit_id)
left join judged j using (year, unit_id)
where u.is_counted
