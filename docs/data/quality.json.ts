// Datakvalitet och källor: imported files (source_freshness, and source_file one row per file), the
// workbook answers against Kolada's (oj_source_check), the
// fidelity check summed per file and level with the rows that are not ok, names resolved through an
// alias (alias_used), and units that should have answered ÖJ but did not (unit_without_answers).
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';

await runJsonLoader(async (query) => ({
  freshness: await query('select kind, n_files, latest_import, first_year, last_year, any_sample from source_freshness order by kind'),
  files: await query(
    `select f.source_file_id, f.kind, f.file_name, f.years, left(f.sha256, 12) as sha256_prefix,
            f.rows_read, f.rows_stored, strftime(f.imported_at, '%Y-%m-%d %H:%M') as imported_at, f.is_sample,
            r.file_name as superseded_by_name
     from source_file f left join source_file r on r.source_file_id = f.superseded_by
     order by f.kind, f.file_name, f.imported_at`,
  ),
  fidelitySummary: await query(
    `select source_file_id, file_name, year, level,
            count(*)::integer as n_rows,
            count(*) filter (where ok)::integer as n_ok,
            count(*) filter (where not ok)::integer as n_not_ok,
            count(*) filter (where ok is null)::integer as n_no_published,
            max(abs(diff_pp)) as max_abs_diff_pp
     from fidelity group by all order by year, file_name, level`,
  ),
  // not ok: the recomputed share differs, or the file published no share (ok is NULL)
  fidelityNotOk: await query(
    `select f.file_name, f.year, f.level, f.unit_id, u.name as unit_name, f.indicator_id, f.share_published, f.n_published,
            round(f.share_recomputed, 4) as share_recomputed, f.n_responding, f.n_respondents_row, f.n_respondents_recomputed,
            f.diff_pp, f.ok
     from fidelity f join org_unit u using (unit_id)
     where f.ok is distinct from true
     order by f.year, f.file_name, f.level, u.name, f.indicator_id`,
  ),
  indicators: await query(
    `select i.indicator_id, a.title_sv as area_title, v.title_sv as verksamhet_title
     from indicator i join oj_area a using (area) join oj_verksamhet v using (verksamhet)
     where i.indicator_id in (select indicator_id from fidelity where ok is distinct from true)`,
  ),
  aliasUsed: await query('select file_name, unit_text, unit_id, unit_name, n_rows from alias_used order by file_name, unit_text'),
  unitsWithoutAnswers: await query('select year, unit_id, name, kind from unit_without_answers order by year, kind, name'),
  // The workbook parser checked against Kolada's copy of the same answers (empty until `pull kolada`).
  sourceCheckSummary: await query(
    `select year, comparison, count(*)::integer as n from oj_source_check group by all order by year, comparison`,
  ),
  sourceCheckDiffers: await query(
    `select c.year, u.name, c.indicator_id, c.workbook_answer, c.kolada_answer, c.kolada_value, c.kolada_status
     from oj_source_check c join org_unit u using (unit_id)
     where c.comparison = 'differs'
     order by c.year, u.name, c.indicator_id
     limit 500`,
  ),
}));
