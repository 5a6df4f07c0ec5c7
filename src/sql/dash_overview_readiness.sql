-- dash_overview_readiness: Översikt's matrix: one row per year × unit counted that year × fokusområde –
-- the units of goal_attainment (the organisation's nämnder and, apart, bolag in force on 31 December:
-- the one definition of "the year's nämnder" every card, table and sentence uses; a unit without data
-- is a row with share_met NULL, never dropped) – with readiness on both sources together (basis
-- combined), last year's share and the change where the two years measure the same thing
-- (readiness_change; change NULL with not_comparable_reason otherwise).
-- Grain: (year, unit_id, fokusomrade). unit_group: namnd or bolag. publish_in_public: as goal_attainment
-- (a unit's säkerhetsskydd share is internal only; the loader picks by profile).
-- Invariant: per year and unit_group, the distinct units equal goal_attainment_city.n_units.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_overview_readiness as
select g.year, g.unit_id, g.unit_group, g.fokusomrade, r.n_items, r.n_applicable, r.n_met, r.share_met,
       c.previous_share_met as share_met_previous,
       c.change,
       c.not_comparable_reason,
       g.publish_in_public,
from goal_attainment g
left join readiness r on r.year = g.year and r.unit_id = g.unit_id and r.fokusomrade = g.fokusomrade and r.basis = 'combined'
left join readiness_change c on c.year = g.year and c.unit_id = g.unit_id and c.fokusomrade = g.fokusomrade and c.basis = 'combined'
