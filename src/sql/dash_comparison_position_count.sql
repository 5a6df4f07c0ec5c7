-- dash_comparison_position_count: how many ÖJ cells (indicators) of a year the city has above, equal
-- to and below each comparison group, and how many changed position since the year before: one row per
-- year × comparator_id of dash_comparison_position. Grain: (year, comparator_id).
-- n_not_compared: cells where the city or the group has no share. n_changed counts cells with a
-- position both years that differs. sort_order: setting comparison_units' order, then SKR groups.
-- is_standing_group, comparator_unit and kommungrupp_edition as in dash_comparison_position (one edition a year).
-- Invariant: n_over + n_lika + n_under + n_not_compared = n_cells.
create or replace view dash_comparison_position_count as
select p.year, p.comparator_id, p.comparator_name, p.comparator_kind, p.is_single_kommun, p.is_standing_group, p.comparator_unit, p.kommungrupp_edition,
       count(*)::integer as n_cells,
       count(*) filter (where p.position = 'over')::integer as n_over,
       count(*) filter (where p.position = 'lika')::integer as n_lika,
       count(*) filter (where p.position = 'under')::integer as n_under,
       count(*) filter (where p.position is null)::integer as n_not_compared,
       count(*) filter (where p.changed)::integer as n_changed,
       coalesce(any_value(l.n), 100)::integer as sort_order,
from dash_comparison_position p
left join setting_list l on l.key = 'comparison_units' and l.value = p.comparator_id
group by p.year, p.comparator_id, p.comparator_name, p.comparator_kind, p.is_single_kommun, p.is_standing_group, p.comparator_unit, p.kommungrupp_edition
