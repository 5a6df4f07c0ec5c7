-- dash_namnd_oj_trend: a nämnd page's ÖJ trend per area: oj_trend's rows of the nämnd with the area's
-- and the predecessor's names. Grain: (unit_id, year, area, via_unit_id). area_sort: the catalog's
-- order of areas; break_before as in oj_trend (a line is not drawn across it).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_oj_trend as
select
    t.unit_id, a.sort_order as area_sort,
    t.year, t.area, a.title_sv as area_title, t.via_unit_id, v.name as via_name,
    t.n_cells, t.n_ja, t.n_applicable, t.n_unanswered, t.share_ja, t.series, t.break_before,
from oj_trend t
join oj_area a on a.area = t.area
left join org_unit v on v.unit_id = t.via_unit_id
where t.unit_id in (select unit_id from stg_org_namnd)
