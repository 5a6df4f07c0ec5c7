// Building the site never destroys the previous one: it is built beside dist/ and swapped in only when
// complete; a database held by another process is DatabaseBusyError (exit 3), not a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseBusyError } from '../db/database.ts';
import { projectRoot } from '../paths.ts';
import { openTestDb, tempDir } from '../test/helpers.ts';
import { buildSite } from './buildSite.ts';

describe('build into a temporary folder', () => {
  const dir = tempDir();

  it('swaps a complete build in, and leaves the previous site whole when the database is held by another process', async () => {
    mkdirSync(dir, { recursive: true });
    const dbPath = join(dir, 'site.duckdb');
    (await openTestDb(dir, 'site.duckdb')).close();
    const outDir = join(dir, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'gammal.txt'), 'förra bygget');

    buildSite({ quiet: true, dbPath, outDir, profile: 'public' });
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'gammal.txt'))).toBe(false);
    const before = readdirSync(outDir, { recursive: true }).map(String).sort();
    const index = readFileSync(join(outDir, 'index.html'));

    // Another process holds the database as a writer (an import under way).
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `
      import { DuckDBInstance } from '@duckdb/node-api';
      const instance = await DuckDBInstance.create(${JSON.stringify(dbPath)});
      await instance.connect();
      process.stdout.write('held\\n');
      setTimeout(() => {}, 600000);`], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      expect(() => buildSite({ quiet: true, dbPath, outDir, profile: 'public' })).toThrow(DatabaseBusyError);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    expect(readdirSync(outDir, { recursive: true }).map(String).sort()).toEqual(before);
    expect(readFileSync(join(outDir, 'index.html')).equals(index)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('.dist'))).toEqual([]);
  });
});
