import type { DuckDBValue } from '@duckdb/node-api';
import { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import { importFiles, type FileReport, type ImportOptions } from '../imports/importFiles.ts';
import type { FactTable } from '../imports/storeFacts.ts';
import type { JudgementRow } from './parseJudgement.ts';
import { parseJudgement } from './parseJudgement.ts';

export const judgementTable: FactTable = {
  table: 'unit_judgement',
  columns: ['year', 'period', 'unit_id', 'goal', 'judgement', 'motivering', 'raw_judgement', 'goal_text', 'unit_text', 'source_file_id', 'sheet', 'source_row'],
  key: ['year', 'period', 'unit_id', 'goal'],
  compared: ['judgement', 'motivering'],
  // An export may cover some units and periods; it replaces only those.
  scope: ['year', 'period', 'unit_id'],
};

/** The unit_judgement fact of parsed rows, for importFiles (also used by the self-assessment import). */
export function judgementFacts(rows: JudgementRow[]): { table: FactTable; rows: DuckDBValue[][]; scope: DuckDBValue[][] } {
  return {
    table: judgementTable,
    scope: [...new Map(rows.map((r) => [`${r.year}/${r.period}/${r.unit_id}`, [r.year, r.period, r.unit_id]])).values()],
    rows: rows.map((r) => [r.year, r.period, r.unit_id, r.goal, r.judgement, r.motivering, r.raw_judgement, r.goal_text, r.unit_text, null, r.sheet, r.row]),
  };
}

/**
 * `beredskap import judgement FILE…`: nämndens bedömning as the city's management system exports it
 * (.xlsx or CSV: unit, year, period, fokusområde or goal, helt/delvis/ej, motivering), all or nothing.
 */
export async function importJudgement(db: Database, paths: string[], options: ImportOptions = {}): Promise<FileReport[]> {
  const catalog = options.catalog ?? await Catalog.load(db);
  return importFiles(db, paths, options, async (input) => {
    const { rows, rowsRead } = parseJudgement(await input.grids(), catalog, input.name);
    return {
      kind: 'unit_judgement',
      years: [...new Set(rows.map((r) => r.year))].sort(),
      rowsRead,
      facts: [judgementFacts(rows)],
    };
  });
}
