import type { Catalog } from '../config/catalog.ts';
import { InputError } from '../text/problems.ts';
import type { Grid } from '../text/grid.ts';
import type { OjParseResult } from './ojRows.ts';
import { readOjWorkbook } from './readOjWorkbook.ts';

/**
 * Parses an ÖJ workbook's result sheets into answers and published shares for `year`, or the year found
 * in the title rows or file name. Every problem in the file is collected before anything is thrown:
 * a sheet or column with answers that cannot be read is an error, never skipped.
 */
export function parseOjWorkbook(
  grids: Grid[],
  catalog: Catalog,
  options: { file: string; year?: number; onRow?: (done: number, total: number) => void },
): OjParseResult {
  const reading = readOjWorkbook(grids, catalog, options);
  if (reading.problems.length) throw new InputError(reading.problems);
  return { years: [reading.year!], answers: reading.answers, shares: reading.shares, rowsRead: reading.rowsRead, rowsSkipped: reading.rowsSkipped, notes: reading.notes };
}
