// Datakvalitet och källor: imported files (source_freshness, dash_quality_file), the fidelity check per file
// and level (dash_quality_fidelity) with the rows that are not ok (dash_quality_fidelity_not_ok), names resolved through an
// alias (alias_used, summarised per file in dash_quality_alias_file), units that should have answered ÖJ but did not (unit_without_answers), and the
// files against Kolada's copy of the same answers (dash_quality_source_check, dash_quality_source_differs).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  freshness: await q('select kind, n_files, latest_import, first_year, last_year, any_sample from dash_source_freshness order by kind'),
  files: await q('select * from dash_quality_file order by kind, file_name, imported_at'),
  fidelitySummary: await q('select * from dash_quality_fidelity order by year, file_name, level'),
  fidelityTotal: (await q('select * from dash_quality_fidelity_total'))[0],
  fidelityNotOk: await q('select * exclude (source_file_id) from dash_quality_fidelity_not_ok order by year, file_name, level, unit_name, indicator_id'),
  indicators: await q(
    `select indicator_id, area_title, verksamhet_title from dash_indicator
     where indicator_id in (select indicator_id from dash_quality_fidelity_not_ok) order by sort_order`,
  ),
  aliasFiles: await q('select file_name, n_spellings, n_units, n_rows from dash_quality_alias_file order by file_name'),
  aliasUsed: await q('select file_name, unit_text, unit_name, n_rows from dash_quality_alias_used order by file_name, unit_text'),
  unitsWithoutAnswers: await q('select year, unit_id, name, kind from dash_quality_unit_without_answers order by year, kind, name'),
  sourceCheckSummary: await q('select * from dash_quality_source_check order by year, comparison'),
  sourceCheckDiffers: await q('select * exclude (unit_id) from dash_quality_source_differs order by year, name, indicator_id'),
}));
