import type { Catalog } from '../config/catalog.ts';
import { ProblemList } from '../text/problems.ts';
import { readHeaderColumns, readReportKey } from '../imports/headerColumns.ts';
import { freeTextProblem } from '../text/validRanges.ts';
import { headerWidth, rowFieldProblems } from '../imports/rowFields.ts';
import { cellText, type CellValue, type Grid } from '../text/grid.ts';

/** One unit's own judgement (nämndens bedömning) of one goal in one period, as unit_judgement stores it. */
export interface JudgementRow {
  year: number;
  period: string;
  unit_id: string;
  goal: string;
  judgement: string;
  motivering: string | null;
  raw_judgement: string;
  goal_text: string;
  unit_text: string;
  sheet: string | null;
  row: number;
}

const requiredFields = ['year', 'period', 'unit', 'goal', 'judgement'] as const;
type Field = (typeof requiredFields)[number] | 'motivering';

/**
 * A header row of nämndens bedömning: at least three known column names, one of them the judgement,
 * and no self-assessment requirement column (a self-assessment sheet may call its status "Bedömning").
 */
export function isJudgementHeader(cells: CellValue[], catalog: Catalog): boolean {
  const texts = cells.map(cellText).filter(Boolean);
  return texts.filter((t) => catalog.lookup('judgement_column', t)).length >= 3
    && texts.some((t) => catalog.lookup('judgement_column', t) === 'judgement')
    && !texts.some((t) => catalog.lookup('self_column', t) === 'requirement');
}

/**
 * Parses the management system's export of nämndens bedömning (or the template's sheet for it): every
 * sheet or CSV whose header isJudgementHeader. Collects every problem – unknown columns, units, goals,
 * judgements, a unit the organisation does not follow, the same goal twice – and throws them together.
 * A row whose judgement is blank says nothing and is not stored. `required`: a file with no such sheet
 * is an error (an export); a self-assessment file without the sheet is not.
 */
export function parseJudgement(grids: Grid[], catalog: Catalog, file: string, required = true): { rows: JudgementRow[]; rowsRead: number } {
  const problems = new ProblemList(file);
  const rows: JudgementRow[] = [];
  let rowsRead = 0;
  const sheets = grids
    .map((grid) => ({ grid, headerIndex: grid.rows.slice(0, 40).findIndex((r) => isJudgementHeader(r.cells, catalog)) }))
    .filter((s) => s.headerIndex >= 0);
  if (!sheets.length && required) {
    problems.add({ message: 'ingen rubrikrad hittades (väntade kolumnerna År, Period, Nämnd, Fokusområde eller Mål, Bedömning, Motivering)' });
  }
  for (const { grid, headerIndex } of sheets) {
    const header = grid.rows[headerIndex]!;
    const columns = readHeaderColumns<Field>(grid, header, catalog, 'judgement_column', requiredFields, problems);
    if (!columns) continue;
    const { cell, at } = columns;
    const width = headerWidth(header);
    for (const r of grid.rows.slice(headerIndex + 1)) {
      if (r.cells.every((c) => cellText(c) === '')) continue;
      rowsRead++;
      for (const p of rowFieldProblems(grid, width, header, r)) problems.add(p);
      const rawJudgement = cellText(cell(r, 'judgement'));
      if (rawJudgement === '') continue;
      const { year, period, unit: followed, unitText } = readReportKey(r, columns, catalog, problems);
      const goalText = cellText(cell(r, 'goal'));
      const goal = catalog.lookup('judgement_goal', goalText);
      if (!goal) problems.add({ ...at(r, 'goal'), found: goalText, message: 'okänt mål: ange ett fokusområde eller ett mål i data/vocab/judgement_goals.csv', suggestions: catalog.suggest('judgement_goal', goalText) });
      const judgement = catalog.lookup('judgement', rawJudgement);
      if (!judgement) problems.add({ ...at(r, 'judgement'), found: rawJudgement, message: 'okänd bedömning (väntade helt, delvis eller ej)', suggestions: catalog.suggest('judgement', rawJudgement) });
      const motivering = cellText(cell(r, 'motivering'));
      const tooLong = freeTextProblem(motivering);
      if (tooLong) problems.add({ ...at(r, 'motivering'), message: tooLong });
      if (year && period && followed && goal && judgement) {
        rows.push({
          year, period, unit_id: followed.unit_id, goal, judgement, motivering: motivering || null,
          raw_judgement: rawJudgement, goal_text: goalText, unit_text: unitText, sheet: grid.sheet ?? null, row: r.line,
        });
      }
    }
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.year}/${row.period}/${row.unit_id}/${row.goal}`;
    if (seen.has(key)) problems.add({ sheet: row.sheet ?? undefined, row: row.row, message: `${row.unit_id} ${row.year} ${row.period} mål ${row.goal} finns redan på rad ${seen.get(key)}` });
    else seen.set(key, row.row);
  }
  problems.throwIfAny();
  return { rows, rowsRead };
}
