-- dash_namnd_readiness: a nämnd page's readiness per year and fokusområde with the three bases side by
-- side, each with its n: ÖJ only (oj), self-assessment only (self) and combined (each fact once, a
-- requirement by its latest dated evidence; readiness_item). One row per year × fokusområde of a nämnd
-- or bolag with readiness data that year. Grain: (unit_id, year, fokusomrade).
-- share_<basis>, n_met_<basis>, n_<basis> (applicable items: the denominator), few_<basis> (fewer than
-- setting min_items_for_share items: the page says so); NULL where the basis has no data that year.
-- n_disagree: combined requirement items whose sources disagree (flagged in consistency).
-- not_comparable_reason: why the combined share is not compared with the year before
-- (readiness_change). segment: a new line segment starts wherever the combined share is not
-- comparable with the year before, so a trend is never drawn across a series break, a programme
-- change or a change of sources (counts from 1). target_share: the year's target (goal_attainment).
-- fokusomrade_title, fokus_order: the fokusområde's title and place. publish_in_public: as in readiness
-- (a unit's säkerhetsskydd is internal only: the public build's loader leaves those rows out).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_readiness as
with wide as (
    select r.unit_id, r.year, r.fokusomrade, any_value(r.programme_version) as programme_version, bool_and(r.publish_in_public) as publish_in_public,
        any_value(r.share_met) filter (where r.basis = 'oj') as share_oj,
        any_value(r.n_met) filter (where r.basis = 'oj') as n_met_oj,
        any_value(r.n_applicable) filter (where r.basis = 'oj') as n_oj,
        any_value(r.few_items) filter (where r.basis = 'oj') as few_oj,
        any_value(r.share_met) filter (where r.basis = 'self') as share_self,
        any_value(r.n_met) filter (where r.basis = 'self') as n_met_self,
        any_value(r.n_applicable) filter (where r.basis = 'self') as n_self,
        any_value(r.few_items) filter (where r.basis = 'self') as few_self,
        any_value(r.share_met) filter (where r.basis = 'combined') as share_met,
        any_value(r.n_met) filter (where r.basis = 'combined') as n_met,
        any_value(r.n_applicable) filter (where r.basis = 'combined') as n_applicable,
        any_value(r.few_items) filter (where r.basis = 'combined') as few_items,
        any_value(r.n_disagree) filter (where r.basis = 'combined') as n_disagree,
    from readiness r
    where r.unit_id in (select unit_id from stg_org_namnd)
    group by r.unit_id, r.year, r.fokusomrade
)
select
    w.*, f.title_sv as fokusomrade_title, f.sort_order as fokus_order,
    c.not_comparable_reason,
    count(*) filter (where not coalesce(c.comparable, true)) over (partition by w.unit_id, w.fokusomrade order by w.year) as segment,
    g.target_share,
from wide w
join fokusomrade f using (fokusomrade)
left join readiness_change c on c.year = w.year and c.unit_id = w.unit_id and c.fokusomrade = w.fokusomrade and c.basis = 'combined'
left join goal_attainment g on g.year = w.year and g.unit_id = w.unit_id and g.fokusomrade = w.fokusomrade
