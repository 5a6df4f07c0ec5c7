-- dash_namnd_oj_gap: a nämnd page's open ÖJ gaps: oj_gap's rows of the nämnd that are ny or
-- kvarstående (åtgärdade are left out), with the cell's title. Grain: (unit_id, year, indicator_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_oj_gap as
select g.unit_id, g.year, g.indicator_id, i.title_sv as indicator_title, g.fokusomrade, g.answer, g.gap_status, g.since_year
from oj_gap g
join indicator i on i.indicator_id = g.indicator_id
where g.gap_status <> 'atgardad'
  and g.unit_id in (select unit_id from stg_org_namnd)
