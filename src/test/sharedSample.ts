import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { Database } from '../db/database.ts';
import { buildSampleDatabase } from '../sample/generateSample.ts';
import { townConfigDir } from './fixtureConfigs.ts';
import { openInitialisedDb } from './helpers.ts';

/**
 * A copy at `path` of the sample database on the fixture town (src/test/fixtures/town; buildSampleDatabase through the
 * real import path, the slow part of the files that read it). Built once per run, by whichever test file
 * asks first, in the run's folder from src/test/globalSetup.ts; the others wait for it and copy the
 * closed file. Without that setup it is built at `path`.
 */
export async function openSampleDb(path: string): Promise<Database> {
  const runDir = inject('runDir');
  if (!runDir) {
    const db = await openInitialisedDb(path, townConfigDir);
    await buildSampleDatabase(db, join(dirname(path), 'sample'));
    return db;
  }
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(await sharedSample(runDir), path);
  return Database.open(path);
}

async function sharedSample(runDir: string): Promise<string> {
  const ready = join(runDir, 'sample.duckdb');
  const failed = join(runDir, 'sample.error');
  let lock: number | undefined;
  try {
    lock = openSync(join(runDir, 'sample.lock'), 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (lock !== undefined) {
    closeSync(lock);
    const building = join(runDir, 'sample-building.duckdb');
    try {
      const db = await openInitialisedDb(building, townConfigDir);
      try {
        await buildSampleDatabase(db, join(runDir, 'sample'));
      } finally {
        db.close();
      }
      // Renamed only when closed and complete: its name is the signal the others wait for.
      renameSync(building, ready);
    } catch (error) {
      writeFileSync(failed, String((error as Error).stack ?? error));
      throw error;
    }
    return ready;
  }
  const deadline = Date.now() + 15 * 60_000;
  while (!existsSync(ready)) {
    if (existsSync(failed)) throw new Error(`exempeldatabasen kunde inte byggas (i en annan testfil):\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error('exempeldatabasen blev inte klar på 15 minuter');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return ready;
}
