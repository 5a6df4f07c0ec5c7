// Jämförelse: per year × ÖJ cell × comparison group, the city's share Ja – its stadsdelsnämnder pooled –
// beside the group's and its position (dash_comparison_position: setting comparison_units and every SKR
// kommungrupp); each year's groups with their names, what their share counts and the edition of SKR's
// kommungruppsindelning they follow (dash_comparison_position_count); the editions
// (dash_kommungrupp_edition); every kommun with its kommungrupp per edition (dash_comparison_kommun);
// the cells and their series (dash_indicator); Kolada context figures for this page (kolada_context).
// The page shows one year at a time, the latest first: data/comparison/latest.json holds everything but
// the earlier years' positions, which are data/comparison/on-demand/earlier.json, fetched only when a
// reader picks an earlier year (the bench counts a first visit without it: src/bench/pageWeight.ts).
import { runMartArchive } from '../../src/dashboard/martLoader.js';

// The positions of the years $1 to $2, bound: the latest year, then every year before it.
const positions = (q, from, to) => q(
  `select year, indicator_id, comparator_id, city_share, share_ja, diff_pp, position, previous_position, regrouped
   from dash_comparison_position where year between $1 and $2 order by year, comparator_id, indicator_id`,
  [from, to],
);

await runMartArchive(async (q) => {
  const latest = (await q('select max(year) as year from dash_comparison_position'))[0].year ?? 0;
  return [
    ['latest.json', {
      organisation: (await q('select unit_id, name from dash_organisation'))[0],
      comparators: await q(
        `select year, comparator_id, comparator_name, comparator_kind, is_single_kommun, is_standing_group, comparator_unit, kommungrupp_edition
         from dash_comparison_position_count order by year, sort_order, comparator_id`,
      ),
      editions: await q('select edition, title_sv, first_year, last_year from dash_kommungrupp_edition order by first_year'),
      kommuner: await q('select edition, unit_id, name, comparator_id, group_name from dash_comparison_kommun order by name, first_year'),
      areas: await q('select area, title_sv from dash_oj_area order by sort_order'),
      verksamheter: await q('select verksamhet, title_sv from dash_oj_verksamhet order by sort_order'),
      indicators: await q(
        `select indicator_id, area, verksamhet, series, first_year, last_year from dash_indicator
         where indicator_id in (select indicator_id from dash_comparison_position) order by sort_order`,
      ),
      years: (await q('select distinct year from dash_comparison_position order by year')).map((r) => r.year),
      positions: await positions(q, latest, latest),
      context: await q(
        `select kpi_id, title_sv, unit_id, name, year, value, status
         from dash_kolada_context where page = 'jamforelse' order by title_sv, name, year`,
      ),
    }],
    ['on-demand/earlier.json', { positions: await positions(q, 0, latest - 1) }],
  ];
}, { columns: true });
