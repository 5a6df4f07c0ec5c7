import { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import { importFiles, type FileReport, type ImportOptions } from '../imports/importFiles.ts';
import { InputError } from '../text/problems.ts';
import type { FactTable } from '../imports/storeFacts.ts';
import { judgementFacts } from '../judgement/importJudgement.ts';
import { parseJudgement } from '../judgement/parseJudgement.ts';
import { readTemplateInfo } from './validateSelfAssessment.ts';
import { parseSelfAssessment, type SelfAssessmentRow } from './parseSelfAssessment.ts';

export const selfAssessmentTable: FactTable = {
  table: 'self_assessment',
  columns: ['year', 'period', 'unit_id', 'requirement_id', 'status', 'raw_status', 'comment', 'planned_action', 'owner', 'due_date', 'unit_text', 'source_file_id', 'sheet', 'source_row', 'decision_date', 'decision_ref'],
  key: ['year', 'period', 'unit_id', 'requirement_id'],
  compared: ['status', 'comment', 'planned_action', 'owner', 'due_date', 'decision_date', 'decision_ref'],
  // Each nämnd sends its own file: a new file replaces only the nämnder and periods it covers.
  scope: ['year', 'period', 'unit_id'],
  guardResend: true,
};

/**
 * A template records the year it was made for. A filled template whose rows say another year was most
 * likely edited by mistake (last year's form sent again): refused, unless --year says that year is meant.
 * With --year, every row must be of that year.
 */
function checkYear(rows: SelfAssessmentRow[], templateYear: number | undefined, year: number | undefined, file: string): void {
  const expected = year ?? templateYear;
  if (expected === undefined) return;
  const wrong = rows.filter((r) => r.year !== expected);
  if (!wrong.length) return;
  throw new InputError(wrong.map((r) => ({
    file, sheet: r.sheet ?? undefined, row: r.row, column: 'År', found: String(r.year),
    message: year !== undefined
      ? `året är inte det --year ${year} anger`
      : `året är inte mallens: mallen gäller ${templateYear}; ange --year ${r.year} om raderna ska gälla ${r.year}`,
  })));
}

/**
 * `beredskap import self-assessment FILE…`: nämnder's self-assessments (.xlsx or CSV), all or nothing.
 * A template's sheet "Nämndens bedömning" (the unit's own judgement per fokusområde) is stored with it.
 */
export async function importSelfAssessment(db: Database, paths: string[], options: ImportOptions = {}): Promise<FileReport[]> {
  const catalog = options.catalog ?? await Catalog.load(db);
  const scopes = new Map<string, { year: number; period: string; unit_id: string }[]>();
  const reports = await importFiles(db, paths, options, async (input) => {
    const grids = await input.grids();
    const { rows, rowsRead } = parseSelfAssessment(grids, catalog, input.name);
    const judgements = parseJudgement(grids, catalog, input.name, false);
    checkYear(rows, readTemplateInfo(grids)?.year, options.year, input.name);
    const scope = [...new Map(rows.map((r) => [`${r.year}/${r.period}/${r.unit_id}`, { year: r.year, period: r.period, unit_id: r.unit_id }])).values()];
    scopes.set(input.name, scope);
    return {
      kind: 'self_assessment',
      years: [...new Set(rows.map((r) => r.year))].sort(),
      rowsRead: rowsRead + judgements.rowsRead,
      facts: [{
        table: selfAssessmentTable,
        scope: scope.map((s) => [s.year, s.period, s.unit_id]),
        rows: rows.map((r) => [r.year, r.period, r.unit_id, r.requirement_id, r.status, r.raw_status, r.comment, r.planned_action, r.owner, r.due_date, r.unit_text, null, r.sheet, r.row, r.decision_date, r.decision_ref]),
      }, ...(judgements.rows.length ? [judgementFacts(judgements.rows)] : [])],
    };
  });
  for (const report of reports) {
    if (report.status === 'unchanged') continue;
    const notes = await supersededPeriods(db, catalog, scopes.get(report.file) ?? []);
    if (notes.length) report.notes = [...(report.notes ?? []), ...notes];
  }
  return reports;
}

/**
 * A year's figures come from each nämnd's latest report of the year (verksamhetsberättelse before T2
 * before T1). A report for an earlier period than one already there is stored, and shows in the
 * movement within the year, but changes none of the year's readiness figures: say so, and why.
 */
async function supersededPeriods(db: Database, catalog: Catalog, scope: { year: number; period: string; unit_id: string }[]): Promise<string[]> {
  const notes: string[] = [];
  for (const s of scope) {
    const later = await db.one<{ period: string }>(
      `select s.period from self_assessment s join period p using (period)
       where s.year = $1 and s.unit_id = $2 and p.sort_order > (select sort_order from period where period = $3)
       order by p.sort_order desc limit 1`,
      [s.year, s.unit_id, s.period],
    );
    if (!later) continue;
    const name = catalog.unit(s.unit_id)?.name ?? s.unit_id;
    notes.push(
      `${name} ${s.year} ${s.period} ändrar inte årets siffror: ${name} har redan lämnat ${catalog.periodLabel(later.period)} för ${s.year}, ` +
        `och årets beredskap räknas från den senaste rapporten. ${s.period} sparas och syns i förloppet under året.`,
    );
  }
  return notes;
}
