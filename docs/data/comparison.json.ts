// Jämförelse: share Ja per ÖJ indicator and year for the city's stadsdelsnämnder pooled, the kommun's own
// answer and each comparison unit (oj_comparison), with the share the file published beside it; the
// comparators in the order of setting comparison_units, and area and verksamhet titles. Per indicator ×
// comparator the years are parallel lists, to keep the file small.
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';

await runJsonLoader(async (query) => ({
  organisation: (await query(`select unit_id, name from org_unit where unit_id = (select value from setting where key = 'organisation_unit_id')`))[0],
  comparators: await query(
    `with listed as (
         select unnest(string_split((select value from setting where key = 'comparison_units'), '|')) as unit_id,
                generate_subscripts(string_split((select value from setting where key = 'comparison_units'), '|'), 1) as n)
     select distinct c.role, c.unit_id, c.unit_name, u.kind,
            case c.role when 'stadsdelsnamnder' then 0 when 'kommun' then 1 else 1 + coalesce(l.n, 99) end::integer as sort_order
     from oj_comparison c join org_unit u using (unit_id) left join listed l using (unit_id)
     order by sort_order`,
  ),
  areas: await query('select area, title_sv from oj_area order by sort_order'),
  verksamheter: await query('select verksamhet, title_sv from oj_verksamhet order by sort_order'),
  indicators: await query(
    `select i.indicator_id, i.area, i.verksamhet, i.series, i.first_year, i.last_year
     from indicator i join oj_area a using (area) join oj_verksamhet v using (verksamhet)
     where i.indicator_id in (select indicator_id from oj_comparison)
     order by a.sort_order, v.sort_order, i.first_year`,
  ),
  // one row per indicator × comparator, its years as parallel lists (compact)
  series: await query(
    `select indicator_id, role, unit_id,
            list(year order by year) as year,
            list(round(share_ja, 4) order by year) as share_ja,
            list(round(share_ja_published, 4) order by year) as share_ja_published,
            list(n_responding order by year) as n_responding,
            list(n_units order by year) as n_units,
            list(answer order by year) as answer
     from oj_comparison group by all order by indicator_id, role, unit_id`,
  ),
  // context figures from Kolada for this page (data/kolada_kpis.csv page = jamforelse)
  context: await query(
    `select kpi_id, title_sv, unit_id, name, year, value, status
     from kolada_context where page = 'jamforelse' order by title_sv, name, year`,
  ),
}));
