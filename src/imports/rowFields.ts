import { cellText, columnLabel, type Grid } from '../text/grid.ts';
import type { Problem } from '../text/problems.ts';

type Row = Grid['rows'][number];

/** How many columns a header names: up to its last non-empty cell (trailing empty fields name nothing). */
export function headerWidth(header: Row): number {
  for (let i = header.cells.length - 1; i >= 0; i--) if (cellText(header.cells[i] ?? null) !== '') return i + 1;
  return 0;
}

/**
 * What a data row holds beyond its table, or lacks: a value right of the header's last column would
 * be dropped without a word (a decimal comma in a comma-separated file, `Ja;Nej` in one field, a note
 * beside the table), so it is a problem at its cell; a CSV row with fewer fields than the header has
 * lost a delimiter or a field, which would shift or blank what follows. Empty fields beyond the header
 * hold nothing and are no problem (Excel writes a trailing `;` for a once-used column).
 */
export function rowFieldProblems(grid: Grid, width: number, header: Row, row: Row): Omit<Problem, 'file'>[] {
  const extra = row.cells.map((c, i) => ({ i, text: cellText(c ?? null) })).filter(({ i, text }) => i >= width && text !== '');
  const csv = grid.format === 'csv';
  const delimiter = grid.delimiter ?? ';';
  if (extra.length) {
    const first = extra[0]!;
    const decimalComma = csv && delimiter === ',' && row.cells.some((c, i) => /^\d+$/.test(cellText(c ?? null)) && /^\d/.test(cellText(row.cells[i + 1] ?? null)));
    return [{
      sheet: grid.sheet, row: row.line, column: columnLabel(grid, first.i), found: extra.map((e) => e.text).join(csv ? delimiter : ' '),
      message: csv ? `raden har ${row.cells.length} fält men rubrikraden ${width}, och det som står efter kolumn ${columnLabel(grid, width - 1, cellText(header.cells[width - 1] ?? null))} skulle tappas` : 'värdet står utanför tabellen (ingen rubrik ovanför) och skulle inte läsas',
      fix: !csv ? 'Flytta det till rätt kolumn eller ta bort det.'
        : decimalComma ? 'Ett decimalkomma i en kommaavgränsad fil delar talet i två fält: skriv talet inom citattecken ("57,5") eller använd semikolon som avgränsare.'
          : 'Ta bort det överflödiga fältet, eller sätt en text som innehåller avgränsaren inom citattecken.',
    }];
  }
  if (csv && row.cells.length < width) {
    const missing = header.cells.slice(row.cells.length, width).map((c) => `"${cellText(c ?? null)}"`);
    return [{
      sheet: grid.sheet, row: row.line, column: columnLabel(grid, row.cells.length, cellText(header.cells[row.cells.length] ?? null)),
      message: `raden har ${row.cells.length} fält men rubrikraden ${width}: ${missing.join(', ')} saknas (en avgränsare för lite?)`,
      fix: `Skriv ett tomt fält som ${delimiter}${delimiter}, så att varje värde hamnar under sin rubrik.`,
    }];
  }
  return [];
}
