// Metod: the configuration the numbers are made from, as it is in the database (loaded from data/*.csv):
// fokusområden, the area crosswalk (dash_method_crosswalk), targets (dash_method_target), the ÖJ answer
// vocabulary with its missing-value codes (dash_method_answer_code), the indicator catalog
// (dash_method_indicator), the settings and the units they name (dash_method_setting_unit), and the editions of
// SKR's kommungruppsindelning with the ÖJ years each applies to (dash_kommungrupp_edition).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  fokusomraden: await q('select fokusomrade, title_sv, description_sv from dash_fokusomrade where profile = build_profile() order by sort_order'),
  crosswalk: await q('select * exclude (sort_order) from dash_method_crosswalk order by sort_order'),
  targets: await q('select * exclude (sort_order) from dash_method_target order by sort_order'),
  answerCodes: await q('select text, answer from dash_method_answer_code order by sort_order'),
  indicators: await q('select * exclude (sort_order) from dash_method_indicator order by sort_order'),
  settings: await q('select key, value from dash_method_setting order by key'),
  settingUnits: await q('select key, unit_id, name from dash_method_setting_unit order by key, n'),
  kommungrupper: await q('select * from dash_kommungrupp_edition order by first_year'),
}));
