import { InputError } from './problems.ts';
import { unzippedSizeProblem } from './unzippedSize.ts';
import type { Grid } from './grid.ts';
import { xlsxGrids } from './xlsxGrids.ts';

/**
 * Every sheet of an .xlsx as a grid: what each importer reads (ÖJ, self-assessment, judgement). Bad input
 * is an InputError naming the file: a zip that would unpack too large (refused before anything is
 * unpacked), bytes that are no readable zip or whose parts are damaged, a zip without a workbook in it.
 */
export async function workbookGrids(bytes: Buffer, name: string): Promise<Grid[]> {
  // Checked before any part is unpacked: a zip bomb is refused, not held in memory.
  const unsafe = unzippedSizeProblem(bytes);
  if (unsafe) throw new InputError([{ file: name, message: `filen kan inte läsas som .xlsx: ${unsafe}` }]);
  let grids: Grid[] | undefined;
  try {
    grids = xlsxGrids(bytes, name);
  } catch {
    // The reader's own words ("bad entry", a zlib code) say nothing a user can act on.
    throw new InputError([{ file: name, message: 'filen kan inte läsas som .xlsx: en del av arbetsboken är skadad eller ofullständig; öppna den i Excel, spara den som .xlsx och försök igen' }]);
  }
  // A zip without xl/workbook.xml or without a worksheet: not an Excel file at all.
  if (!grids?.length) {
    throw new InputError([{ file: name, message: 'filen är ingen Excel-arbetsbok: den saknar arbetsbokens delar (xl/workbook.xml och blad); spara den som .xlsx i Excel och försök igen' }]);
  }
  return grids;
}
