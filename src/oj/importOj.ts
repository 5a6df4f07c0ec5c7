import { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import { logicSuffix } from '../db/views.ts';
import { importFiles, type FileReport, type ImportOptions, type InputFile, type ParsedSource } from '../imports/importFiles.ts';
import { InputError } from '../text/problems.ts';
import type { FactTable } from '../imports/storeFacts.ts';
import { refillKoladaAnswers, withdrawKoladaAnswers } from '../imports/koladaAnswers.ts';
import { stageOjCsv } from './parseOjCsv.ts';
import { parseOjWorkbook } from './parseOjWorkbook.ts';

export const ojAnswerTable: FactTable = {
  table: 'oj_answer',
  columns: ['year', 'unit_id', 'indicator_id', 'answer', 'raw_text', 'unit_text', 'source_file_id', 'sheet', 'source_row', 'source_column'],
  key: ['year', 'unit_id', 'indicator_id'],
  compared: ['answer', 'raw_text'],
  scope: ['year'],
  guardShrink: true,
};

export const ojShareTable: FactTable = {
  table: 'oj_published_share',
  columns: ['year', 'level', 'unit_id', 'indicator_id', 'share_ja', 'n_units', 'n_respondents_row', 'raw_text', 'unit_text', 'source_file_id', 'sheet', 'source_row', 'source_column'],
  key: ['year', 'unit_id', 'indicator_id'],
  compared: ['share_ja', 'n_units', 'n_respondents_row'],
  scope: ['year'],
  guardShrink: true,
};

/**
 * Reads one ÖJ file, a Socialstyrelsen workbook (.xlsx, parsed in TypeScript) or our long-format CSV
 * (read in DuckDB, left in staging tables), into fact rows.
 */
export async function parseOjFile(db: Database, input: InputFile, catalog: Catalog, options: ImportOptions): Promise<ParsedSource> {
  const onRow = (done: number, total: number) => options.onProgress?.(input.name, done, total);
  const parsed = input.format === 'xlsx' ? await parseWorkbook(input, catalog, options, onRow) : await stageOjCsv(db, input.name, input.bytes, catalog);
  if (input.format === 'csv' && options.year !== undefined && parsed.years.some((y) => y !== options.year)) {
    throw new InputError([{ file: input.name, message: `filen innehåller år ${parsed.years.join(', ')} men --year ${options.year} angavs` }]);
  }
  // A new version of a year's file replaces that year's rows of the same kind, aggregates included.
  const scope = parsed.years.map((y) => [y]);
  return {
    kind: input.format === 'xlsx' ? 'oj_workbook' : 'oj_csv',
    years: parsed.years,
    rowsRead: parsed.rowsRead,
    ...('rowsSkipped' in parsed && parsed.rowsSkipped ? { rowsSkipped: parsed.rowsSkipped } : {}),
    ...('notes' in parsed && parsed.notes?.length ? { notes: parsed.notes } : {}),
    facts: [
      { table: ojAnswerTable, scope, rows: parsed.answers },
      { table: ojShareTable, scope, rows: parsed.shares },
    ],
  };
}

/** A workbook's rows as values in table column order. */
async function parseWorkbook(input: InputFile, catalog: Catalog, options: ImportOptions, onRow: (done: number, total: number) => void) {
  const parsed = parseOjWorkbook(await input.grids(), catalog, { file: input.name, year: options.year, onRow });
  return {
    ...parsed,
    answers: parsed.answers.map((a) => [a.year, a.unit_id, a.indicator_id, a.answer, a.raw_text, a.unit_text, null, a.sheet, a.row, a.column]),
    shares: parsed.shares.map((s) => [s.year, s.level, s.unit_id, s.indicator_id, s.share_ja, s.n_units, s.n_respondents_row, s.raw_text, s.unit_text, null, s.sheet, s.row, s.column]),
  };
}

/**
 * `beredskap import oj FILE…`: ÖJ workbooks and long-format CSVs, all or nothing. Answers taken from
 * Kolada give way to a file for their year and come back, in the same transaction, for the kommuner
 * the file leaves out: Kolada fills gaps, it never overrides a file.
 */
export async function importOj(db: Database, paths: string[], options: ImportOptions = {}): Promise<FileReport[]> {
  const catalog = options.catalog ?? await Catalog.load(db, { applicability: false });
  return importFiles(db, paths, options, (input) => parseOjFile(db, input, catalog, options), {
    // Kolada's answers give way and come back in oj_answer (and source_file's counts).
    writes: ['oj_answer', 'source_file'],
    beforeStore: (sources) => withdrawKoladaAnswers(db, [...new Set(sources.flatMap((s) => s.years))]),
    afterStore: async (reports) => {
      await refillKoladaAnswers(db);
      await checkFidelity(db, reports, !!options.acceptFidelity);
    },
  });
}

/**
 * A stored workbook must reproduce its own published shares from its kommun rows (view fidelity, read
 * from its logic: the materialised table is recomputed only as the transaction commits) wherever
 * it holds the kommuner an aggregate stands for: a misread share scale or shifted columns show here. Such a
 * file is refused, inside the import's transaction, unless the user accepts it, and then it is said.
 */
async function checkFidelity(db: Database, reports: FileReport[], accept: boolean): Promise<void> {
  for (const report of reports) {
    if (report.sourceFileId === undefined) continue;
    // A file without published shares (a long CSV of kommun answers) has nothing to check: the view's
    // logic, the costly part, is not run for it.
    const shares = await db.one<{ any: boolean }>('select exists (select 1 from oj_published_share where source_file_id = $1) as any', [report.sourceFileId]);
    if (!shares?.any) continue;
    const failed = await db.all<{ unit_id: string; indicator_id: string; share_published: number; share_recomputed: number | null; sheet: string | null; source_row: number; source_column: string }>(
      `select f.unit_id, f.indicator_id, f.share_published, f.share_recomputed, s.sheet, s.source_row, s.source_column
       from fidelity${logicSuffix} f
       join oj_published_share s using (source_file_id, year, unit_id, indicator_id)
       where f.source_file_id = $1 and f.is_checkable and not f.ok
       order by s.sheet, s.source_row, s.source_column`,
      [report.sourceFileId],
    );
    if (!failed.length) continue;
    const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} %`);
    const summary = `${failed.length} publicerade andelar stämmer inte med filens egna kommunsvar (t.ex. ${failed[0]!.unit_id} ${failed[0]!.indicator_id}: publicerad ${pct(failed[0]!.share_published)}, beräknad ${pct(failed[0]!.share_recomputed)})`;
    if (accept) {
      report.warnings = [...(report.warnings ?? []), `VARNING: ${summary}; importerad ändå (--accept-fidelity). Se \`beredskap report fidelity\`.`];
      continue;
    }
    throw new InputError(failed.map((f) => ({
      file: report.file, sheet: f.sheet ?? undefined, row: f.source_row, column: f.source_column,
      message: `andelen ${pct(f.share_published)} för ${f.unit_id} stämmer inte med ${pct(f.share_recomputed)} beräknat från filens kommunsvar; är andelarna rätt lästa (procent eller bråk)? Importera ändå med --accept-fidelity`,
    })));
  }
}
