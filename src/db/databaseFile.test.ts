import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { tempDir, writeText } from '../test/helpers.ts';
import { Database, NotADatabaseError } from './database.ts';

describe('--db names a DuckDB database or nothing', () => {
  const dir = tempDir();
  const quiet = () => {};

  it('refuses a CSV, a JSON file, an empty file and a folder, leaving them as they were', async () => {
    mkdirSync(dir, { recursive: true });
    const csv = writeText(join(dir, 'svar.csv'), 'ar;enhet;indikator;verksamhet;svar\n2024;Farsta;evakuering;sabo;Ja\n');
    const json = writeText(join(dir, 'data.json'), '{"a": 1}');
    const empty = writeText(join(dir, 'tom.duckdb'), '');
    const folder = join(dir, 'katalog');
    mkdirSync(folder);
    for (const [path, detail] of [[csv, /filhuvud/], [json, /filhuvud/], [empty, /tom/], [folder, /katalog/]] as const) {
      const before = existsSync(path) && !path.endsWith('katalog') ? readFileSync(path) : undefined;
      await expect(Database.open(path)).rejects.toThrow(NotADatabaseError);
      await expect(Database.open(path, { readOnly: true })).rejects.toThrow(detail);
      expect(await main(['init', '--db', path], quiet)).toBe(2);
      if (before) expect(readFileSync(path).equals(before)).toBe(true);
    }
  });

  it('refuses a SQLite file without DuckDB trying to fetch its extension', async () => {
    mkdirSync(dir, { recursive: true });
    // A SQLite database's first page: its 16-byte magic string, then a header with page size 4096.
    const page = Buffer.alloc(4096);
    page.write('SQLite format 3\0', 0, 'latin1');
    page.writeUInt16BE(4096, 16);
    const sqlite = writeText(join(dir, 'gammal.db'), page);
    const before = readFileSync(sqlite);
    await expect(Database.open(sqlite)).rejects.toThrow(/SQLite/);
    expect(await main(['import', 'oj', join(dir, 'saknas.csv'), '--db', sqlite, '--quiet'], quiet)).toBe(2);
    expect(readFileSync(sqlite).equals(before)).toBe(true);
  });

  it('creates a database where none exists, opens it again, and never autoloads or autoinstalls extensions', async () => {
    const path = join(dir, 'ny', 'beredskap.duckdb');
    for (const options of [{}, {}, { readOnly: true }]) {
      const db = await Database.open(path, options);
      try {
        expect(await db.one(`select current_setting('autoload_known_extensions') as autoload, current_setting('autoinstall_known_extensions') as autoinstall`))
          .toEqual({ autoload: false, autoinstall: false });
      } finally {
        db.close();
      }
    }
    const memory = await Database.open(':memory:');
    expect(await memory.one(`select current_setting('autoinstall_known_extensions') as v`)).toEqual({ v: false });
    memory.close();
  });
});
