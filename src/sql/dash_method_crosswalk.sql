-- dash_method_crosswalk: Metod's table of how each scheme's areas (ÖJ's areas, each programme version's
-- own areas) reach the fokusområden (data/area_crosswalk.csv), with the scheme's title and years.
-- Grain: (scheme, source_area). sort_order: ÖJ first, then programmes by first year, ÖJ areas in their
-- order, then fokusområde and area title.
create or replace view dash_method_crosswalk as
select
    c.scheme, coalesce(p.title_sv, c.scheme) as scheme_title, p.first_year, p.last_year,
    c.source_area, c.source_title_sv, c.fokusomrade, f.title_sv as fokusomrade_title,
    row_number() over (order by c.scheme <> 'oj', p.first_year, a.sort_order, f.sort_order, c.source_title_sv)::integer as sort_order,
from area_crosswalk c
join fokusomrade f using (fokusomrade)
left join programme_version p on p.programme_version = c.scheme
left join oj_area a on c.scheme = 'oj' and a.area = c.source_area
