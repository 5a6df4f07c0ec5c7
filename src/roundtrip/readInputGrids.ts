import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../imports/problems.ts';
import type { Grid } from '../text/grid.ts';
import { readDelimited } from '../text/readDelimited.ts';
import { gridsFromWorkbook } from '../text/readWorkbook.ts';

/**
 * A self-assessment file as the import reads it (every sheet of an .xlsx, or the one table of a CSV),
 * for checks that must see the file even when the import would refuse it. Unreadable files are an
 * InputError in the import's own words, so that the report lists them like any other problem.
 */
export async function readInputGrids(path: string): Promise<{ name: string; grids: Grid[] }> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError([{ file: path, message: `filen kan inte läsas (${(error as NodeJS.ErrnoException).code ?? error})` }]);
  }
  if (/\.(csv|txt)$/i.test(path)) return { name, grids: [readDelimited(name, bytes)] };
  if (!/\.xlsx$/i.test(path)) throw new InputError([{ file: name, message: 'okänd filtyp: väntade .xlsx eller .csv' }]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError([{ file: name, message: `filen kan inte läsas som .xlsx (${(error as Error).message})` }]);
  }
  return { name, grids: gridsFromWorkbook(workbook, name) };
}
