// When the configuration is reloaded: only when the files' content changes, wherever they are read from.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { initDatabase } from './initDatabase.ts';
import { openInitialisedDb, tempDir, townConfigDir } from '../test/helpers.ts';

describe('loadConfig', () => {
  const dir = tempDir();
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('the same files in another folder reload nothing and are recorded as read from there; an edit reloads', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    expect((await initDatabase(db, townConfigDir)).configReloaded).toBe(false);
    const copy = join(dir, 'kopia');
    cpSync(townConfigDir, copy, { recursive: true });
    expect((await initDatabase(db, copy)).configReloaded).toBe(false);
    expect(await db.all('select config_dir from config_state')).toEqual([{ config_dir: copy }]);
    const settings = join(copy, 'settings.csv');
    writeFileSync(settings, `${readFileSync(settings, 'utf8')}# en kommentar ändrar innehållet\n`);
    expect((await initDatabase(db, copy)).configReloaded).toBe(true);
    expect((await initDatabase(db, copy)).configReloaded).toBe(false);
  });
});
