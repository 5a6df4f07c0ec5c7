import { openInput } from '../imports/importFiles.ts';
import type { Grid } from '../text/grid.ts';

/**
 * A self-assessment file as the import reads it (every sheet of an .xlsx, or the one table of a CSV),
 * for checks that must see the file even when the import would refuse it. Unreadable files are an
 * InputError in the import's own words, so that the report lists them like any other problem.
 */
export async function readInputGrids(path: string): Promise<{ name: string; grids: Grid[] }> {
  const input = openInput(path);
  return { name: input.name, grids: await input.grids() };
}
