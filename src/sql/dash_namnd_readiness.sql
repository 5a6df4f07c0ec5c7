-- dash_namnd_readiness: a nämnd page's readiness chart and table: one row per readiness row of a
-- nämnd (year × fokusområde × basis), with why it is not comparable with the year before
-- (readiness_change) and the line segment it belongs to. Grain: (unit_id, year, fokusomrade, basis).
-- publish_in_public: as in readiness (a unit's säkerhetsskydd is internal only: the public build's loader
-- leaves those rows out).
-- segment: a new line segment starts wherever the year is not comparable with the one before, so a trend
-- is never drawn across a series break, a programme change or a change of sources (counts from 1).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_readiness as
select
    r.unit_id, r.year, r.fokusomrade, r.basis, r.n_items, r.n_applicable, r.n_met, r.share_met, r.programme_version, r.publish_in_public,
    c.not_comparable_reason,
    count(*) filter (where not c.comparable) over (partition by r.unit_id, r.fokusomrade, r.basis order by r.year) as segment,
from readiness r
join readiness_change c using (year, unit_id, fokusomrade, basis)
where r.unit_id in (select unit_id from stg_org_namnd)
