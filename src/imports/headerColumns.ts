import type { Catalog, VocabKind } from '../config/catalog.ts';
import { cellText, columnLabel, type CellValue, type Grid } from '../text/grid.ts';
import type { ProblemList } from './problems.ts';

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
