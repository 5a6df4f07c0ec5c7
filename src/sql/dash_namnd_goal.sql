-- dash_namnd_goal: a nämnd page's måluppfyllelse, once per build profile: per year and goal (each
-- fokusområde, and samtliga: the programme's overall goal) *nämndens bedömning* – the unit's own
-- judgement of the year's latest judged period (judgement_comparison) – beside *beräknad andel uppfyllt*
-- with its denominator n_applicable (items that apply) and the grade it gets against the target
-- (goal_attainment; for samtliga judgement_comparison's pooled figure). Two figures, named apart.
-- Grain: (profile, unit_id, year, goal). goal_title, goal_order: the goal's title and place (the
-- fokusområden in order, samtliga last).
-- not_graded_reason: goal_attainment's (inget_program, inga_uppgifter, inget_mal). difference: samma,
-- bedomning_hogre, bedomning_lagre (judgement_comparison), NULL without both.
-- Profile public: no motivering (free text), no row of a goal that is not publishable per unit
-- (publish_in_public: säkerhetsskydd), and for samtliga no computed share, denominator, grade or
-- difference – pooled with the other goals' counts, or as the worst goal's grade, they would give
-- säkerhetsskydd's away – only the judgement.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_goal as
with computed as (
    select year, unit_id, fokusomrade as goal, share_met, n_applicable, target_share, attainment, not_graded_reason, publish_in_public
    from goal_attainment
),
judged as (
    select year, unit_id, goal, period, namndens_bedomning, motivering, beraknad_andel_uppfyllt, n_applicable,
        beraknad_maluppfyllelse, difference, publish_in_public
    from judgement_comparison
    where is_latest_period
),
joined as (
    select
        coalesce(c.year, j.year) as year,
        coalesce(c.unit_id, j.unit_id) as unit_id,
        coalesce(c.goal, j.goal) as goal,
        coalesce(c.share_met, j.beraknad_andel_uppfyllt) as beraknad_andel_uppfyllt,
        coalesce(c.n_applicable, j.n_applicable) as n_applicable,
        c.target_share,
        coalesce(c.attainment, j.beraknad_maluppfyllelse) as beraknad_maluppfyllelse,
        c.not_graded_reason,
        j.period as bedomning_period,
        j.namndens_bedomning,
        j.motivering,
        j.difference,
        coalesce(c.publish_in_public, j.publish_in_public, true) as publish_in_public,
    from computed c
    full join judged j on j.year = c.year and j.unit_id = c.unit_id and j.goal = c.goal
),
final as (
    select p.profile, g.unit_id, g.year, g.goal,
        case when p.profile = 'internal' or g.goal <> 'samtliga' then g.beraknad_andel_uppfyllt end as beraknad_andel_uppfyllt,
        case when p.profile = 'internal' or g.goal <> 'samtliga' then g.n_applicable end as n_applicable,
        g.target_share,
        case when p.profile = 'internal' or g.goal <> 'samtliga' then g.beraknad_maluppfyllelse end as beraknad_maluppfyllelse,
        g.not_graded_reason,
        g.bedomning_period, g.namndens_bedomning,
        case when p.profile = 'internal' then g.motivering end as motivering,
        case when p.profile = 'internal' or g.goal <> 'samtliga' then g.difference end as difference,
        coalesce(f.title_sv, 'Samtliga (programmets övergripande mål)') as goal_title,
        coalesce(f.sort_order, 99) as goal_order,
    from joined g
    cross join (select distinct profile from stg_profile_fokus) p
    left join fokusomrade f on f.fokusomrade = g.goal
    where p.profile = 'internal' or g.publish_in_public
)
select * from final
