-- dash_leadership_consistency: the consistency flags on a page: one row per flagged row of view
-- consistency (finding not NULL), with the unit's name and group, and the fokusområde the row
-- concerns (the requirement's, or the judged goal). Grain: (year, unit_id, requirement_id, goal).
-- kind: 'sjalv_oj' (self-assessment against ÖJ answers; decided_by says which source the combined
-- figure follows, the later dated one) or 'bedomning' (nämndens bedömning against beräknad
-- måluppfyllelse). No free text (motivering, comments) is carried. publish_in_public: false for rows of
-- a fokusområde in setting public_aggregate_only (a unit's säkerhetsskydd detail), and for the goal
-- samtliga, whose computed grade pools säkerhetsskydd with the other fokusområden; the loader picks by
-- profile.
create or replace view dash_leadership_consistency as
select c.year, c.unit_id, n.name, n.unit_group, c.requirement_id, c.goal,
       case when c.requirement_id is null then 'bedomning' else 'sjalv_oj' end as kind,
       coalesce(r.fokusomrade, c.goal) as fokusomrade,
       c.finding, c.self_status, c.n_oj_cells, c.n_oj_nej, c.oj_nej_titles, c.decided_by, c.combined_outcome,
       c.judgement, round(c.share_met, 4) as share_met, c.attainment,
       coalesce(coalesce(r.fokusomrade, c.goal) not in (select value from setting_list where key = 'public_aggregate_only'), true)
           and coalesce(c.goal, '') <> 'samtliga' as publish_in_public,
from consistency c
join stg_org_namnd n using (unit_id)
left join requirement r using (requirement_id)
where c.finding is not null
