import { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import { importFiles, type FileReport, type ImportOptions } from '../imports/importFiles.ts';
import type { FactTable } from '../imports/storeFacts.ts';
import { judgementFacts } from '../judgement/importJudgement.ts';
import { parseJudgement } from '../judgement/parseJudgement.ts';
import { parseSelfAssessment } from './parseSelfAssessment.ts';

export const selfAssessmentTable: FactTable = {
  table: 'self_assessment',
  columns: ['year', 'period', 'unit_id', 'requirement_id', 'status', 'raw_status', 'comment', 'planned_action', 'owner', 'due_date', 'unit_text', 'source_file_id', 'sheet', 'source_row'],
  key: ['year', 'period', 'unit_id', 'requirement_id'],
  compared: ['status', 'comment', 'planned_action', 'owner', 'due_date'],
  // Each nämnd sends its own file: a new file replaces only the nämnder and periods it covers.
  scope: ['year', 'period', 'unit_id'],
  guardResend: true,
};

/**
 * `beredskap import self-assessment FILE…`: nämnder's self-assessments (.xlsx or CSV), all or nothing.
 * A template's sheet "Nämndens bedömning" (the unit's own judgement per fokusområde) is stored with it.
 */
export async function importSelfAssessment(db: Database, paths: string[], options: ImportOptions = {}): Promise<FileReport[]> {
  const catalog = await Catalog.load(db);
  return importFiles(db, paths, options, async (input) => {
    const grids = await input.grids();
    const { rows, rowsRead } = parseSelfAssessment(grids, catalog, input.name);
    const judgements = parseJudgement(grids, catalog, input.name, false);
    const scope = [...new Map(rows.map((r) => [`${r.year}/${r.period}/${r.unit_id}`, [r.year, r.period, r.unit_id]])).values()];
    return {
      kind: 'self_assessment',
      years: [...new Set(rows.map((r) => r.year))].sort(),
      rowsRead: rowsRead + judgements.rowsRead,
      facts: [{
        table: selfAssessmentTable,
        scope,
        rows: rows.map((r) => [r.year, r.period, r.unit_id, r.requirement_id, r.status, r.raw_status, r.comment, r.planned_action, r.owner, r.due_date, r.unit_text, null, r.sheet, r.row]),
      }, ...(judgements.rows.length ? [judgementFacts(judgements.rows)] : [])],
    };
  });
}
