// Jämförelse: share Ja per ÖJ indicator and year for the city's nämnder pooled, the kommun's own answer
// and each comparison unit, with the share the file published beside it (dash_comparison_series, years
// as parallel lists); the comparators in order (dash_comparison_comparator); titles; Kolada context
// figures for this page (kolada_context).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  organisation: (await q(`select u.unit_id, u.name from org_unit u join setting_list s on s.key = 'organisation_unit_id' and s.value = u.unit_id`))[0],
  comparators: await q('select * from dash_comparison_comparator order by sort_order'),
  areas: await q('select area, title_sv from oj_area order by sort_order'),
  verksamheter: await q('select verksamhet, title_sv from oj_verksamhet order by sort_order'),
  indicators: await q(
    `select indicator_id, area, verksamhet, series, first_year, last_year from dash_indicator
     where indicator_id in (select indicator_id from dash_comparison_series) order by sort_order`,
  ),
  series: await q('select * from dash_comparison_series order by indicator_id, role, unit_id'),
  context: await q(
    `select kpi_id, title_sv, unit_id, name, year, value, status
     from kolada_context where page = 'jamforelse' order by title_sv, name, year`,
  ),
}));
