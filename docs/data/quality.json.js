// Datakvalitet och källor: imported files (source_freshness, source_file), the fidelity check per file
// and level (dash_quality_fidelity) with the rows that are not ok (fidelity), names resolved through an
// alias (alias_used), units that should have answered ÖJ but did not (unit_without_answers), and the
// files against Kolada's copy of the same answers (dash_quality_source_check, dash_quality_source_differs).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  freshness: await q('select kind, n_files, latest_import, first_year, last_year, any_sample from source_freshness order by kind'),
  files: await q(
    `select f.source_file_id, f.kind, f.file_name, f.years, left(f.sha256, 12) as sha256_prefix,
            f.rows_read, f.rows_stored, strftime(f.imported_at, '%Y-%m-%d %H:%M') as imported_at, f.is_sample,
            r.file_name as superseded_by_name
     from source_file f left join source_file r on r.source_file_id = f.superseded_by
     order by f.kind, f.file_name, f.imported_at`,
  ),
  fidelitySummary: await q('select * from dash_quality_fidelity order by year, file_name, level'),
  fidelityTotal: (await q('select * from dash_quality_fidelity_total'))[0],
  // not ok: the recomputed share differs, or the file published no share (ok is NULL)
  fidelityNotOk: await q(
    `select f.file_name, f.year, f.level, f.unit_id, u.name as unit_name, f.indicator_id, f.share_published, f.n_published,
            round(f.share_recomputed, 4) as share_recomputed, f.n_responding, f.n_respondents_row, f.n_respondents_recomputed,
            f.diff_pp, f.ok
     from fidelity f join org_unit u using (unit_id)
     where f.ok is distinct from true
     order by f.year, f.file_name, f.level, u.name, f.indicator_id`,
  ),
  indicators: await q(
    `select indicator_id, area_title, verksamhet_title from dash_indicator
     where indicator_id in (select indicator_id from fidelity where ok is distinct from true) order by sort_order`,
  ),
  aliasUsed: await q('select file_name, unit_text, unit_id, unit_name, n_rows from alias_used order by file_name, unit_text'),
  unitsWithoutAnswers: await q('select year, unit_id, name, kind from unit_without_answers order by year, kind, name'),
  sourceCheckSummary: await q('select * from dash_quality_source_check order by year, comparison'),
  sourceCheckDiffers: await q('select * exclude (unit_id) from dash_quality_source_differs order by year, name, indicator_id'),
}));
