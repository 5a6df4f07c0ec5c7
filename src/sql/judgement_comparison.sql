-- judgement_comparison: one row per year × period × unit × goal judged: *nämndens bedömning* (the unit's
-- own judgement in the management system – what the city reports) beside *beräknad andel uppfyllt* (the
-- share we compute from ÖJ and self-assessment) and the grade that share gets against the target. The
-- two are named apart and never stand in for each other. Grain: (year, period, unit_id, goal).
-- goal: a fokusområde, or samtliga (the programme's overall goal). For a fokusområde the computed figures
-- are goal_attainment's (basis combined: share_met, n_applicable, attainment); for samtliga the unit's
-- combined items over all fokusområden pooled (sum n_met / sum n_applicable) and the worst fokusområde's
-- grade, as goal_attainment_city counts it. The computed figures are the year's (latest period), so a
-- T1 judgement is set beside the year's figures and marked is_latest_period = false.
-- difference: samma; bedomning_hogre (the unit judges higher than the computed grade, e.g. helt while the
-- share is below the delvis threshold) or bedomning_lagre; NULL when there is no computed grade (no data,
-- no target, no programme). unit_group: namnd or bolag. publish_in_public as in goal_attainment.
-- Invariant: difference is NULL exactly when beraknad_maluppfyllelse is NULL.
create or replace view judgement_comparison as
with computed_area as (
    select year, unit_id, fokusomrade as goal, share_met, n_applicable, attainment, publish_in_public
    from goal_attainment
),
computed_all as (
    select g.year, g.unit_id, 'samtliga' as goal,
        sum(r.n_met) / nullif(sum(r.n_applicable), 0) as share_met,
        coalesce(sum(r.n_applicable), 0)::integer as n_applicable,
        case
            when count(g.attainment) = 0 then null
            when bool_or(g.attainment = 'ej') then 'ej'
            when bool_or(g.attainment = 'delvis') then 'delvis'
            else 'helt'
        end as attainment,
        true as publish_in_public,
    from goal_attainment g
    left join readiness r on r.year = g.year and r.unit_id = g.unit_id and r.fokusomrade = g.fokusomrade and r.basis = 'combined'
    group by g.year, g.unit_id
),
computed as (
    select * from computed_area union all select * from computed_all
),
grade as (
    select * from (values ('ej', 1), ('delvis', 2), ('helt', 3)) t(grade, rank)
)
select
    j.year, j.period, j.unit_id, n.unit_group, j.goal,
    j.judgement as namndens_bedomning,
    j.motivering,
    c.share_met as beraknad_andel_uppfyllt,
    c.n_applicable,
    c.attainment as beraknad_maluppfyllelse,
    l.period is not null as is_latest_period,
    case
        when c.attainment is null then null
        when gj.rank = gc.rank then 'samma'
        when gj.rank > gc.rank then 'bedomning_hogre'
        else 'bedomning_lagre'
    end as difference,
    coalesce(c.publish_in_public, true) as publish_in_public,
    j.source_file_id,
from unit_judgement j
join stg_org_namnd n using (unit_id)
left join computed c on c.year = j.year and c.unit_id = j.unit_id and c.goal = j.goal
left join stg_judgement_latest l on l.year = j.year and l.unit_id = j.unit_id and l.goal = j.goal and l.period = j.period
left join grade gj on gj.grade = j.judgement
left join grade gc on gc.grade = c.attainment
