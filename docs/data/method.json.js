// Metod: the configuration the numbers are made from, as it is in the database (loaded from data/*.csv):
// fokusområden, the area crosswalk, targets (dash_method_target), the ÖJ answer vocabulary with its
// missing-value codes, the indicator catalog (dash_indicator), the settings and the units they name
// (setting_list).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  fokusomraden: await q('select fokusomrade, title_sv, description_sv from fokusomrade order by sort_order'),
  crosswalk: await q(
    `select c.scheme, coalesce(p.title_sv, c.scheme) as scheme_title, p.first_year, p.last_year,
            c.source_area, c.source_title_sv, c.fokusomrade, f.title_sv as fokusomrade_title
     from area_crosswalk c
     join fokusomrade f using (fokusomrade)
     left join programme_version p on p.programme_version = c.scheme
     left join oj_area a on c.scheme = 'oj' and a.area = c.source_area
     order by c.scheme <> 'oj', p.first_year, a.sort_order, f.sort_order, c.source_title_sv`,
  ),
  targets: await q('select * exclude (sort_order) from dash_method_target order by sort_order'),
  answerCodes: await q(
    `select text, value as answer from vocab where kind = 'oj_answer'
     order by case value when 'ej_svar' then 1 when 'ej_aktuellt' then 2 when 'ja' then 3 when 'nej' then 4 when 'delvis' then 5 else 6 end, text`,
  ),
  indicators: await q(
    `select d.indicator_id, d.area_title, d.verksamhet_title, d.series, d.first_year, d.last_year, d.answer_scale,
            f.title_sv as fokusomrade_title, d.kolada_kpi_id
     from dash_indicator d join fokusomrade f using (fokusomrade) order by d.sort_order`,
  ),
  settings: await q('select key, value from setting order by key'),
  settingUnits: await q(
    `select s.key, u.unit_id, u.name from setting_list s join org_unit u on u.unit_id = s.value
     where s.key in ('organisation_unit_id', 'comparison_units') order by s.key, s.n`,
  ),
}));
