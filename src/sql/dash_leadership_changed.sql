-- dash_leadership_changed: Stadsledning's list of the ÖJ cells whose position against a comparison group
-- changed since last year (dash_comparison_position.changed), for the configured groups only (no single
-- kommun, no SKR kommungrupp of another kommun), with area and verksamhet titles.
-- Grain: (year, comparator_id, indicator_id). sort_order: area, then verksamhet, in the catalog's order.
create or replace view dash_leadership_changed as
select
    p.year, p.indicator_id, a.title_sv as area_title, v.title_sv as verksamhet_title, p.comparator_id, p.comparator_name,
    p.city_share, p.share_ja, p.diff_pp, p.position, p.previous_position,
    a.sort_order * 1000 + v.sort_order as sort_order,
from dash_comparison_position p
join oj_area a using (area)
join oj_verksamhet v using (verksamhet)
where p.changed and p.is_standing_group
