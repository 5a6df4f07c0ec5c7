-- judgement_city: one row per year × goal × unit_group (namnd, bolag): how many of the organisation's
-- units judged the goal helt, delvis or ej – *nämndens bedömning*, the figure the city reports ("23 av
-- 30 nämnder helt, 7 delvis"); each unit's judgement of the year's latest period it judged
-- (stg_judgement_latest). Units counted are those in force on 31 December; one without a judgement is
-- n_utan_bedomning, never dropped. Grain: (year, goal, unit_group). Years: every year with a judgement.
-- The computed counterpart is goal_attainment_city (*beräknad andel uppfyllt*), never this.
-- Invariant: n_helt + n_delvis + n_ej + n_utan_bedomning = n_units.
create or replace view judgement_city as
with frame as (
    select y.year, g.goal, n.unit_id, n.unit_group
    from (select distinct year from unit_judgement) y
    cross join (select distinct goal from unit_judgement) g
    join stg_org_namnd n on valid_on(n.valid_from, n.valid_to, make_date(y.year, 12, 31))
)
select
    f.year, f.goal, f.unit_group,
    count(*)::integer as n_units,
    count(*) filter (where l.judgement = 'helt')::integer as n_helt,
    count(*) filter (where l.judgement = 'delvis')::integer as n_delvis,
    count(*) filter (where l.judgement = 'ej')::integer as n_ej,
    count(*) filter (where l.judgement is null)::integer as n_utan_bedomning,
from frame f
left join stg_judgement_latest l using (year, unit_id, goal)
group by all
