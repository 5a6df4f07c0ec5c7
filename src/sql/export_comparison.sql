-- export_comparison: the export's sheet Jämförelse – oj_comparison with the area's and verksamhet's
-- titles; sheet_order: by year, area, verksamhet, indicator, then the city's stadsdelsnämnder, the kommun,
-- the comparison groups. The city against others, so not per nämnd.
-- Grain: (year, indicator_id, role, unit_id).
create or replace view export_comparison as
select c.year, c.indicator_id, coalesce(a.title_sv, c.area) as area, coalesce(v.title_sv, c.verksamhet) as verksamhet, c.series,
    c.role, c.unit_id, c.unit_name, c.compared_unit, c.kommungrupp_edition, c.share_ja, c.n_responding, c.n_units, c.answer,
    c.share_ja_published,
    row_number() over (order by c.year, a.sort_order, v.sort_order, c.indicator_id,
        list_position(['stadsdelsnamnder', 'kommun', 'jamforelse'], c.role), c.unit_id) as sheet_order
from oj_comparison c
left join oj_area a on a.area = c.area
left join oj_verksamhet v on v.verksamhet = c.verksamhet
