// Shared by every page: the build profile, the fokusområden and which of them it shows per unit (dash_fokusomrade),
// the organisation (dash_organisation), the years, the organisation's nämnder with data (dash_namnd_unit), fokusområden,
// data freshness (source_freshness) and what of the configuration is an example (dash_config_example).
import { loaderProfile, runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  profile: loaderProfile(),
  minItemsForShare: (await q('select min_items_for_share() as n'))[0].n,
  minUnitsForPublicAggregate: (await q('select min_units_for_public_aggregate() as n'))[0].n,
  organisation: (await q('select unit_id, name from dash_organisation'))[0],
  years: (await q('select year from dash_data_year where has_readiness order by year')).map((r) => r.year),
  ojYears: (await q('select year from dash_data_year where has_oj order by year')).map((r) => r.year),
  namnder: await q('select unit_id, name, kind, unit_group, valid_from, valid_to, is_sample from dash_namnd_unit where with_data order by sort_order'),
  fokusomraden: await q('select fokusomrade, title_sv, shown_per_unit from dash_fokusomrade where profile = build_profile() order by sort_order'),
  hiddenPerUnit: (await q('select any_value(hidden_per_unit_text) as text from dash_fokusomrade where profile = build_profile()'))[0].text,
  // what a public build leaves out per unit, which Metod describes whichever build it is in
  hiddenInPublic: (await q("select any_value(hidden_per_unit_text) as text from dash_fokusomrade where profile = 'public'"))[0].text,
  sources: await q('select * from dash_source_freshness order by kind'),
  examples: await q('select kind, label from dash_config_example order by kind'),
}));
