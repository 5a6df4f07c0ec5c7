import type { Catalog, OrgUnit, VocabKind } from '../config/catalog.ts';
import { cellText, columnLabel, type CellValue, type Grid } from '../text/grid.ts';
import { closestNames } from '../text/normalize.ts';
import type { ProblemList } from '../text/problems.ts';
import { parseYear } from '../text/validRanges.ts';

type Row = Grid['rows'][number];

/** A table's columns found by header text, and how to read and locate a row's cell by field. */
export interface HeaderColumns<Field extends string> {
  cell: (row: Row, field: Field) => CellValue;
  at: (row: Row, field: Field) => { sheet?: string; row: number; column: string };
  has: (field: Field) => boolean;
}

/**
 * The fields of a header row by their text (vocabulary `kind`; the first column of a field counts, `ignore`
 * is passed over). An unknown header or a missing required field is a problem naming sheet, row and
 * column; undefined when a required field is missing, so the sheet's rows are not read.
 */
export function readHeaderColumns<Field extends string>(
  grid: Grid, header: Row, catalog: Catalog, kind: VocabKind, required: readonly Field[], problems: ProblemList,
): HeaderColumns<Field> | undefined {
  const columns = new Map<Field, number>();
  header.cells.forEach((c, i) => {
    const text = cellText(c);
    if (!text) return;
    const field = catalog.lookup(kind, text);
    if (!field) {
      problems.add({ sheet: grid.sheet, row: header.line, column: columnLabel(grid, i), found: text, message: 'okänd kolumn', suggestions: catalog.suggest(kind, text) });
    } else if (field !== 'ignore' && !columns.has(field as Field)) columns.set(field as Field, i);
  });
  for (const f of required) {
    if (!columns.has(f)) problems.add({ sheet: grid.sheet, row: header.line, message: `kolumnen för ${f} saknas`, suggestions: catalog.suggest(kind, f) });
  }
  if (required.some((f) => !columns.has(f))) return undefined;
  return {
    cell: (r, f) => (columns.has(f) ? r.cells[columns.get(f)!] ?? null : null),
    at: (r, f) => ({ sheet: grid.sheet, row: r.line, column: columnLabel(grid, columns.get(f)!, cellText(header.cells[columns.get(f)!] ?? null)) }),
    has: (f) => columns.has(f),
  };
}

/**
 * The year, period and unit a report row is for (a self-assessment or a nämnd's judgement): the year in
 * range, the period known, the unit one of the organisation's nämnder or bolag on the period's last day.
 * An unknown unit is answered with the organisation's own units, not every kommun a name happens to be
 * close to. Each fault is a problem at its cell; what could not be read is undefined.
 */
export function readReportKey(
  r: Row, columns: HeaderColumns<'year' | 'period' | 'unit'>, catalog: Catalog, problems: ProblemList,
): { year?: number; period?: string; unit?: OrgUnit; unitText: string } {
  const { cell, at } = columns;
  const yearText = cellText(cell(r, 'year')).replace(/\.0$/, '');
  const parsedYear = parseYear(yearText);
  const year = 'year' in parsedYear ? parsedYear.year : undefined;
  if ('problem' in parsedYear) problems.add({ ...at(r, 'year'), found: yearText, message: parsedYear.problem });
  const periodText = cellText(cell(r, 'period'));
  const period = catalog.lookup('period', periodText);
  if (!period) problems.add({ ...at(r, 'period'), found: periodText, message: 'okänd period', suggestions: catalog.suggest('period', periodText) });
  const unitText = cellText(cell(r, 'unit'));
  if (!year || !period) return { year, period, unitText };
  const date = `${year}-${catalog.periodEnds.get(period)}`;
  const resolved = catalog.resolveUnit(unitText, date);
  if ('problem' in resolved) {
    const unknown = resolved.problem === 'okänd enhet';
    const suggestions = unknown ? closestNames(unitText, catalog.namndNamesOn(date)) : resolved.suggestions;
    problems.add({ ...at(r, 'unit'), found: unitText, message: unknown ? 'okänd nämnd' : resolved.problem, suggestions });
    return { year, period, unitText };
  }
  if (!catalog.isOrganisationNamnd(resolved.unit)) {
    problems.add({ ...at(r, 'unit'), found: unitText, message: `${resolved.unit.name} är varken en av organisationens nämnder eller bolag (settings.csv: organisation_unit_id, namnd_kinds, bolag_kinds)` });
    return { year, period, unitText };
  }
  return { year, period, unit: resolved.unit, unitText };
}
