/** A cell as the parsers see it, whatever the file format. */
export type CellValue = string | number | boolean | Date | null;

/** A sheet of an .xlsx or a whole CSV file as rows of cells; `line` is the row or line number a user sees. */
export interface Grid {
  file: string;
  sheet?: string;
  /** xlsx columns are named by letter (D); CSV columns by number, as a spreadsheet program shows them. */
  format: 'xlsx' | 'csv';
  /** A CSV file's field delimiter, for messages about a row's fields. */
  delimiter?: string;
  rows: { line: number; cells: CellValue[] }[];
  /** Cells holding a formula without a stored result, as "line:columnIndex" (xlsx only). */
  uncomputed?: Set<string>;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let label = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    label = String.fromCharCode(65 + r) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

/** How a problem names a column: its letter or number, and its header text when there is one. */
export function columnLabel(grid: Grid, index: number, header?: string): string {
  const position = grid.format === 'xlsx' ? columnLetter(index) : String(index + 1);
  return header ? `${position} (${header.replace(/\s+/g, ' ')})` : position;
}

/** Cell text as a user typed it; numbers keep their JavaScript form, dates their ISO day. A cell past a row's end is empty. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}
