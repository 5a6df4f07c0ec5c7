import { Catalog } from '../config/catalog.ts';
import { Database } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { openInput } from '../imports/importFiles.ts';
import { formatProblem, InputError } from '../text/problems.ts';
import { formatInspection } from './formatInspection.ts';
import { readOjWorkbook } from './readOjWorkbook.ts';

/**
 * `beredskap inspect FILE`: how an ÖJ workbook would be read, with nothing written anywhere. The
 * configuration is loaded into an in-memory database, so the real one is neither opened nor locked.
 */
export async function inspectOjFile(path: string, configDir: string, year?: number): Promise<{ text: string; json: unknown; ok: boolean }> {
  const input = openInput(path);
  if (input.format !== 'xlsx') throw new InputError([{ file: input.name, message: 'inspect läser ÖJ-arbetsböcker (.xlsx); en CSV i långt format kontrolleras med import oj FIL --dry-run' }]);
  const db = await Database.open(':memory:');
  try {
    await initDatabase(db, configDir);
    const catalog = await Catalog.load(db);
    const reading = readOjWorkbook(await input.grids(), catalog, { file: input.name, year });
    const { answers, shares, ...summary } = reading;
    return {
      text: formatInspection(reading),
      json: { ...summary, answers: answers.length, shares: shares.length, problems: reading.problems.map((p) => ({ ...p, text: formatProblem(p) })) },
      ok: reading.problems.length === 0,
    };
  } finally {
    db.close();
  }
}
