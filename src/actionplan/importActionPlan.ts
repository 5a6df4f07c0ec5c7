import { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import { importFiles, type FileReport, type ImportOptions } from '../imports/importFiles.ts';
import { InputError, groupProblems } from '../text/problems.ts';
import type { FactTable } from '../imports/storeFacts.ts';
import { readInputGrids } from '../template/readInputGrids.ts';
import { sortProblems, type ValidationProblem } from '../self/validateSelfAssessment.ts';
import type { ValidationReport } from '../template/writeValidationReport.ts';
import { parseActionPlan, type OpenGap } from './parseActionPlan.ts';

export const actionTable: FactTable = {
  table: 'oj_action',
  columns: ['year', 'unit_id', 'answering_unit_id', 'indicator_id', 'action', 'owner', 'due_date', 'action_status', 'raw_status', 'comment', 'unit_text', 'source_file_id', 'sheet', 'source_row'],
  key: ['year', 'unit_id', 'answering_unit_id', 'indicator_id'],
  compared: ['action', 'owner', 'due_date', 'action_status', 'comment'],
  // Each nämnd sends its own plan: a new file replaces only the nämnder and years it covers.
  scope: ['year', 'unit_id'],
  guardResend: true,
};

/** Every open ÖJ gap of every year with the nämnd responsible for it: what a plan's rows must name. */
const openGaps = (db: Database) =>
  db.all<OpenGap>('select year, unit_id, answering_unit_id, answering_name, indicator_id, indicator_title from oj_action_plan');

/** Today in the local time zone, as an ISO date: the day a plan's dates are measured against. */
const localToday = () => new Date().toLocaleDateString('sv-SE');

/**
 * `beredskap import action-plan FILE…`: nämnder's action plans for their ÖJ gaps (.xlsx or CSV), all or
 * nothing, like a self-assessment: every file checked first, any problem in any of them stops the
 * command with all of them listed, a file imported before is a no-op, a nämnd's new plan for a year
 * replaces its old one.
 */
export async function importActionPlan(db: Database, paths: string[], options: ImportOptions = {}): Promise<FileReport[]> {
  const catalog = await Catalog.load(db, { applicability: false });
  const gaps = await openGaps(db);
  const today = localToday();
  return importFiles(db, paths, options, async (input) => {
    const { rows, rowsRead, problems } = parseActionPlan(await input.grids(), catalog, input.name, gaps, today);
    if (problems.length) throw new InputError(groupProblems(problems));
    return {
      kind: 'action_plan',
      years: [...new Set(rows.map((r) => r.year))].sort(),
      rowsRead,
      facts: [{
        table: actionTable,
        scope: [...new Map(rows.map((r) => [`${r.year}/${r.unit_id}`, [r.year, r.unit_id]])).values()],
        rows: rows.map((r) => [r.year, r.unit_id, r.answering_unit_id, r.indicator_id, r.action, r.owner, r.due_date, r.action_status, r.raw_status, r.comment, r.unit_text, null, r.sheet, r.row]),
      }],
    };
  });
}

/**
 * Every problem of the action plan file(s), those that stop the import and those that do not: what
 * `import action-plan --dry-run` prints and `--report` writes. `today` (ISO date) is for tests.
 */
export async function validateActionPlanFiles(db: Database, options: { file: string | string[]; today?: string }): Promise<ValidationReport> {
  const catalog = await Catalog.load(db, { applicability: false });
  const gaps = await openGaps(db);
  const today = options.today ?? localToday();
  const report: ValidationReport = { title: 'Kontroll av åtgärdsplan', checkedOn: today, files: [], problems: [] };
  for (const path of [options.file].flat()) {
    try {
      const { name, grids } = await readInputGrids(path);
      report.files.push({ file: name });
      const { problems, remarks } = parseActionPlan(grids, catalog, name, gaps, today);
      report.problems.push(...sortProblems<ValidationProblem>([
        ...groupProblems(problems).map((p) => ({ ...p, blocksImport: true })),
        ...remarks.map((p) => ({ ...p, blocksImport: false })),
      ]));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report.files.push({ file: error.problems[0]?.file ?? path });
      report.problems.push(...error.problems.map((p): ValidationProblem => ({ ...p, blocksImport: true })));
    }
  }
  return report;
}
