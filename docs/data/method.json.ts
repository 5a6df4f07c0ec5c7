// Metod: the configuration the numbers are made from, as it is in the database (loaded from data/*.csv):
// fokusområden, the area crosswalk (ÖJ areas and programme areas → fokusområde), targets, the ÖJ answer
// vocabulary with its missing-value codes, the indicator catalog and the settings.
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';

await runJsonLoader(async (query) => ({
  fokusomraden: await query('select fokusomrade, title_sv, description_sv from fokusomrade order by sort_order'),
  crosswalk: await query(
    `select c.scheme, coalesce(p.title_sv, c.scheme) as scheme_title, p.first_year, p.last_year,
            c.source_area, c.source_title_sv, c.fokusomrade, f.title_sv as fokusomrade_title
     from area_crosswalk c
     join fokusomrade f using (fokusomrade)
     left join programme_version p on p.programme_version = c.scheme
     left join oj_area a on c.scheme = 'oj' and a.area = c.source_area
     order by c.scheme <> 'oj', p.first_year, a.sort_order, f.sort_order, c.source_title_sv`,
  ),
  targets: await query(
    `select t.first_year, t.last_year, t.fokusomrade, f.title_sv as fokusomrade_title, t.unit_id, u.name as unit_name,
            t.target_share, t.delvis_within_pp
     from target t join fokusomrade f using (fokusomrade) left join org_unit u using (unit_id)
     order by f.sort_order, t.unit_id nulls first, t.first_year`,
  ),
  answerCodes: await query(
    `select text, value as answer from vocab where kind = 'oj_answer'
     order by case value when 'ej_svar' then 1 when 'ej_aktuellt' then 2 when 'ja' then 3 when 'nej' then 4 when 'delvis' then 5 else 6 end, text`,
  ),
  indicators: await query(
    `select i.indicator_id, a.title_sv as area_title, v.title_sv as verksamhet_title, i.series, i.first_year, i.last_year,
            i.answer_scale, f.title_sv as fokusomrade_title, i.kolada_kpi_id
     from indicator i join oj_area a using (area) join oj_verksamhet v using (verksamhet) join fokusomrade f on f.fokusomrade = i.fokusomrade
     order by a.sort_order, v.sort_order, i.first_year`,
  ),
  settings: await query(`select key, value from setting order by key`),
  // the units named by settings organisation_unit_id and comparison_units
  settingUnits: await query(
    `select s.key, u.unit_id, u.name
     from setting s, range(1, len(string_split(s.value, '|')) + 1) as r(n)
     join org_unit u on u.unit_id = string_split(s.value, '|')[r.n]
     where s.key in ('organisation_unit_id', 'comparison_units')
     order by s.key, r.n`,
  ),
}));
