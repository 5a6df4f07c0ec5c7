-- dash_overview_readiness: Översikt's matrix: one row per year × nämnd × fokusområde, readiness on
-- both sources together (basis combined) with last year's share and the change where the two years
-- measure the same thing (readiness_change; change NULL with not_comparable_reason otherwise).
-- Grain: (year, unit_id, fokusomrade).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_overview_readiness as
select r.year, r.unit_id, r.fokusomrade, r.n_items, r.n_applicable, r.n_met, r.share_met,
       c.previous_share_met as share_met_previous,
       c.change,
       c.not_comparable_reason,
from readiness r
join readiness_change c using (year, unit_id, fokusomrade, basis)
where r.basis = 'combined'
  and r.unit_id in (select unit_id from stg_org_namnd)
