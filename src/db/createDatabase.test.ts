// A new database is created whole or not at all. DuckDB cannot replay the write-ahead log of a schema
// cut off mid-creation, so a Ctrl-C in `init`'s first seconds used to leave a file every later command
// failed on (exit 70, "Failure while replaying WAL file") until the user deleted the .wal by hand.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, runCli } from '../cli/cliTesting.ts';
import { projectRoot } from '../paths.ts';
import { tempDir, townConfigDir } from '../test/helpers.ts';
import { createIfMissing, creatingPrefix } from './createDatabase.ts';
import { Database } from './database.ts';

/** Starts `beredskap init` on `path`, sends `signal` once `ready(files in the folder)` holds, waits for its end; gives its process id. */
async function interruptInit(path: string, signal: NodeJS.Signals, ready: (names: string[]) => boolean): Promise<number> {
  const child = spawn(process.execPath, [join(projectRoot, 'src/bin.js'), 'init', '--db', path, '--config', townConfigDir], {
    env: { ...process.env, CI: 'true' },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  const dir = join(path, '..');
  while (!done && !ready(readdirSync(dir))) await new Promise((r) => setTimeout(r, 2));
  expect(done, 'init ended before the moment to interrupt it').toBe(false);
  child.kill(signal);
  await exited;
  return child.pid!;
}

describe('creating a database', () => {
  const dir = tempDir();

  const moments: [string, NodeJS.Signals, (names: string[]) => boolean][] = [
    ['Ctrl-C as the new file appears', 'SIGINT', (names) => names.some((n) => n.startsWith('.ny.duckdb.creating-'))],
    ['kill -9 as the new file appears', 'SIGKILL', (names) => names.some((n) => n.startsWith('.ny.duckdb.creating-'))],
    ['Ctrl-C with the schema in the write-ahead log', 'SIGINT', (names) => names.some((n) => n.endsWith('.wal'))],
    ['kill -9 with the schema in the write-ahead log', 'SIGKILL', (names) => names.some((n) => n.endsWith('.wal'))],
  ];
  it.each(moments)('%s: the next command works and says in one line that it started again', async (_moment, signal, ready) => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'ny.duckdb');
    const pid = await interruptInit(path, signal, ready);
    expect(existsSync(path)).toBe(false);
    // What it left is named by its own process id: how the next command knows the work as an ended run's.
    expect(readdirSync(dir).filter((n) => !n.endsWith('.wal'))).toEqual([`.ny.duckdb.creating-${pid}`]);

    const next = runCli(['sources', '--db', path, '--config', townConfigDir]);
    expect([next.code, lines(next.stdout), lines(next.stderr)]).toEqual([0, ['Inga filer importerade ännu.'], [
      `En avbruten körning (process ${pid}) lämnade en ofullständig ny databas; den är borttagen och ${path} skapas på nytt.`,
    ]]);
    expect(readdirSync(dir)).toEqual(['ny.duckdb']);
  });

  it('moves the finished file into place with no write-ahead log, and leaves nothing when the build fails', async () => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'a.duckdb');
    const said: string[] = [];
    const created = await createIfMissing(path, async (db) => {
      await db.run('create table t as select 42 as answer');
      return 'byggd';
    }, (line) => said.push(line));
    expect(created).toEqual({ built: 'byggd' });
    expect(readdirSync(dir)).toEqual(['a.duckdb']);
    expect(await createIfMissing(path, () => Promise.reject(new Error('not called for an existing database')), (line) => said.push(line))).toBeUndefined();
    const db = await Database.open(path);
    expect(await db.all('select answer from t')).toEqual([{ answer: 42 }]);
    db.close();

    const failing = join(dir, 'b.duckdb');
    await expect(createIfMissing(failing, () => Promise.reject(new Error('trasig konfiguration')), (line) => said.push(line))).rejects.toThrow('trasig konfiguration');
    expect(readdirSync(dir).sort()).toEqual(['a.duckdb']);
    expect(said).toEqual([]);
  });

  it('removes a write-ahead log left without its database before it creates one, and says so', async () => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'c.duckdb');
    writeFileSync(`${path}.wal`, 'en logg från en databas som inte finns längre');
    const said: string[] = [];
    await createIfMissing(path, (db) => db.run('create table t (a int)'), (line) => said.push(line));
    expect(said).toEqual([`En avbruten körning lämnade en ofullständig ny databas; den är borttagen och ${path} skapas på nytt.`]);
    expect(readdirSync(dir)).toEqual(['c.duckdb']);
    const db = await Database.open(path);
    expect(await db.all('select count(*)::int as n from t')).toEqual([{ n: 0 }]);
    db.close();
  });

  it('keeps a database another process created meanwhile: a process may already hold it open', async () => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'd.duckdb');
    await createIfMissing(path, async () => {
      const other = await Database.open(path);
      await other.run('create table theirs (a int)');
      other.close();
    }, () => {});
    const db = await Database.open(path);
    expect(await db.all(`select table_name from duckdb_tables()`)).toEqual([{ table_name: 'theirs' }]);
    db.close();
    expect(readdirSync(dir).filter((n) => n.startsWith(creatingPrefix(path)))).toEqual([]);
  });
});
