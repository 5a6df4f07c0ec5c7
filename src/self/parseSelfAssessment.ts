import type { Catalog } from '../config/catalog.ts';
import { ProblemList } from '../text/problems.ts';
import { calendarDate, dueDateRange, freeTextProblem } from '../text/validRanges.ts';
import { isJudgementHeader } from '../judgement/parseJudgement.ts';
import { statusChoices } from '../config/labels.ts';
import { readHeaderColumns, readReportKey } from '../imports/headerColumns.ts';
import { headerWidth, rowFieldProblems } from '../imports/rowFields.ts';
import { cellText, type CellValue, type Grid } from '../text/grid.ts';
import { closestNames } from '../text/normalize.ts';

/** One nämnd's status for one requirement in one period, as self_assessment stores it. */
export interface SelfAssessmentRow {
  year: number;
  period: string;
  unit_id: string;
  requirement_id: string;
  status: string;
  raw_status: string;
  comment: string | null;
  planned_action: string | null;
  owner: string | null;
  due_date: string | null;
  /** The decision that shows the requirement is done: its date and its diarienummer or document. */
  decision_date: string | null;
  decision_ref: string | null;
  unit_text: string;
  sheet: string | null;
  row: number;
}

const requiredFields = ['year', 'period', 'unit', 'requirement', 'status'] as const;
type Field = (typeof requiredFields)[number] | 'comment' | 'action' | 'owner' | 'due_date' | 'decision_date' | 'decision_ref';

/**
 * The header row: the first row where at least three cells are known self-assessment column names – not
 * the header of a sheet of nämndens bedömning, which the judgement parser reads.
 */
function findHeader(grid: Grid, catalog: Catalog): number {
  return grid.rows.slice(0, 40).findIndex((r) =>
    r.cells.filter((c) => catalog.lookup('self_column', cellText(c))).length >= 3 && !isJudgementHeader(r.cells, catalog));
}

/**
 * "2025-06-30" or a date cell: a date a spreadsheet or a person typed, that exists in the calendar and
 * lies in dueDateRange; null when empty, else a message saying what is wrong.
 */
export function parseDate(value: CellValue): { date: string | null } | { problem: string } {
  if (value === null || cellText(value) === '') return { date: null };
  const m = value instanceof Date
    ? ['', String(value.getUTCFullYear()), String(value.getUTCMonth() + 1), String(value.getUTCDate())]
    : /^(\d{4})-(\d{2})-(\d{2})$/.exec(cellText(value));
  if (!m || Number.isNaN(Number(m[1]))) return { problem: 'datumet kan inte läsas (väntade ÅÅÅÅ-MM-DD)' };
  const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!date) return { problem: 'datumet finns inte i kalendern' };
  if (date < dueDateRange.from || date > dueDateRange.to) return { problem: `datumet ska ligga mellan ${dueDateRange.from} och ${dueDateRange.to}` };
  return { date };
}

/**
 * A text as the nämnd meant it: our templates (and exports) put an apostrophe before text a spreadsheet
 * would run as a formula; a person typing `'=x` in Excel stores `=x`, so an apostrophe before = + - @,
 * tab or carriage return in a cell is ours, and comes off.
 */
export const restoreNeutralized = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** "B01", "B01 Aktuell RSA" or the requirement's text → its id; by text, the requirement in force that year. */
function resolveRequirement(catalog: Catalog, text: string, year: number | undefined): string | undefined {
  const id = /^([A-Za-zÅÄÖåäö]*\d+)\b/.exec(text)?.[1];
  if (id && catalog.requirements.has(id.toUpperCase())) return id.toUpperCase();
  const norm = text.trim().toLowerCase();
  const byText = [...catalog.requirements.values()].filter((r) => r.text_sv.toLowerCase() === norm);
  const inForce = byText.find((r) => year !== undefined && r.since_year <= year && (r.until_year === null || year <= r.until_year));
  return (inForce ?? byText[0])?.requirement_id;
}

/**
 * Parses self-assessment grids (every sheet of an .xlsx that has the header, or a CSV) into rows,
 * collecting every problem of the file: unknown columns, units, requirements, statuses, bad dates.
 */
export function parseSelfAssessment(grids: Grid[], catalog: Catalog, file: string): { rows: SelfAssessmentRow[]; rowsRead: number } {
  const problems = new ProblemList(file);
  const rows: SelfAssessmentRow[] = [];
  let rowsRead = 0;
  const sheets = grids.map((grid) => ({ grid, headerIndex: findHeader(grid, catalog) })).filter((s) => s.headerIndex >= 0);
  if (!sheets.length) {
    problems.add({ message: 'ingen rubrikrad hittades (väntade kolumnerna År, Period, Nämnd, Krav, Status, Kommentar, Åtgärd, Ansvarig, Klart senast)' });
  }
  for (const { grid, headerIndex } of sheets) {
    const header = grid.rows[headerIndex]!;
    const columns = readHeaderColumns<Field>(grid, header, catalog, 'self_column', requiredFields, problems);
    if (!columns) continue;
    const { cell, at } = columns;
    const width = headerWidth(header);
    for (const r of grid.rows.slice(headerIndex + 1)) {
      rowsRead++;
      for (const p of rowFieldProblems(grid, width, header, r)) problems.add(p);
      const { year, period, unit, unitText } = readReportKey(r, columns, catalog, problems);
      const requirementText = cellText(cell(r, 'requirement'));
      const requirementId = resolveRequirement(catalog, requirementText, year);
      const requirement = requirementId ? catalog.requirements.get(requirementId) : undefined;
      if (!requirement) {
        problems.add({ ...at(r, 'requirement'), found: requirementText, message: 'okänt krav', suggestions: [...catalog.requirements.keys()].filter((k) => k[0] === requirementText[0]?.toUpperCase()).slice(0, 3) });
      } else if (year && (year < requirement.since_year || (requirement.until_year !== null && year > requirement.until_year))) {
        problems.add({ ...at(r, 'requirement'), found: requirementText, message: `kravet gäller ${requirement.since_year}–${requirement.until_year ?? ''}, inte ${year}` });
      }
      const rawStatus = cellText(cell(r, 'status'));
      const status = rawStatus === '' ? 'ej_svar' : catalog.lookup('self_status', rawStatus);
      // The template's four choices, nearest first: not whatever spelling in self_statuses.csv is closest ("Ja").
      if (!status) problems.add({ ...at(r, 'status'), found: rawStatus, message: 'okänd status', suggestions: closestNames(rawStatus, statusChoices(catalog), statusChoices(catalog).length) });
      for (const f of ['comment', 'action', 'owner', 'decision_ref'] as const) {
        const tooLong = freeTextProblem(cellText(cell(r, f)));
        if (tooLong) problems.add({ ...at(r, f), message: tooLong });
      }
      const due = parseDate(cell(r, 'due_date'));
      if ('problem' in due) problems.add({ ...at(r, 'due_date'), found: cellText(cell(r, 'due_date')), message: due.problem });
      const dueDate = 'date' in due ? due.date : undefined;
      const decision = parseDate(cell(r, 'decision_date'));
      if ('problem' in decision) problems.add({ ...at(r, 'decision_date'), found: cellText(cell(r, 'decision_date')), message: decision.problem });
      if (year && period && unit && requirement && status && dueDate !== undefined && 'date' in decision) {
        const text = (f: Field) => restoreNeutralized(cellText(cell(r, f))) || null;
        rows.push({
          year, period, unit_id: unit.unit_id, requirement_id: requirement.requirement_id, status, raw_status: rawStatus,
          comment: text('comment'), planned_action: text('action'), owner: text('owner'), due_date: dueDate,
          decision_date: decision.date, decision_ref: text('decision_ref'), unit_text: unitText,
          sheet: grid.sheet ?? null, row: r.line,
        });
      }
    }
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.year}/${row.period}/${row.unit_id}/${row.requirement_id}`;
    if (seen.has(key)) problems.add({ sheet: row.sheet ?? undefined, row: row.row, message: `${row.unit_id} ${row.year} ${row.period} krav ${row.requirement_id} finns redan på rad ${seen.get(key)}` });
    else seen.set(key, row.row);
  }
  problems.throwIfAny();
  return { rows, rowsRead };
}
