/**
 * Where an ÖJ import's time goes, statement by statement: `npx tsx src/bench/profileImport.ts FILE…`
 * imports the files one after another in one transaction (as `npm run bench`'s 10× case does) into a
 * fresh database under bench-data/, then prints the CPU time of the process (every DuckDB thread
 * included) per statement, summed over statements that differ only in a staging table's number,
 * beside DuckDB's own read_csv of the same files. CPU time, not wall time: on a machine shared with
 * other work it is the steadier of the two. A tool for finding what to make faster, not a test.
 */
import { listValue } from '@duckdb/node-api';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable } from '../text/formatTable.ts';
import { Database, type Params } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { importOj } from '../oj/importOj.ts';
import { defaultConfigDir, projectRoot } from '../paths.ts';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function freshDatabase(path: string): Promise<Database> {
  for (const p of [path, `${path}.wal`]) if (existsSync(p)) rmSync(p);
  return Database.open(path);
}

/** Statements with their CPU time, grouped by their text (staging tables' numbers left out). */
function timeStatements(db: Database, phase: () => string): Map<string, { ms: number; n: number }> {
  const spent = new Map<string, { ms: number; n: number }>();
  const timed = <T>(run: (sql: string, params?: Params) => Promise<T>) => async (sql: string, params?: Params): Promise<T> => {
    const start = cpuMs();
    try {
      return await run(sql, params);
    } finally {
      const key = `[${phase()}] ${sql.replace(/\s+/g, ' ').replace(/_\d+_/g, '_N_').slice(0, 100)}`;
      const s = spent.get(key) ?? { ms: 0, n: 0 };
      s.ms += cpuMs() - start;
      s.n++;
      spent.set(key, s);
    }
  };
  db.run = timed(db.run.bind(db));
  db.all = timed(db.all.bind(db)) as Database['all'];
  return spent;
}

export async function profileImport(files: string[]): Promise<void> {
  const outDir = resolve(projectRoot, 'bench-data');
  mkdirSync(outDir, { recursive: true });
  const duck = await freshDatabase(join(outDir, 'profile-duckdb.duckdb'));
  let start = cpuMs();
  await duck.run('create table t as select * from read_csv($1, delim = \';\', header = true)', [listValue(files.map((f) => resolve(f)))]);
  const duckMs = cpuMs() - start;
  duck.close();

  const db = await freshDatabase(join(outDir, 'profile-ours.duckdb'));
  try {
    await initDatabase(db, defaultConfigDir());
    let phase = 'import';
    const spent = timeStatements(db, () => phase);
    let refreshStart = 0;
    start = cpuMs();
    await db.transaction(async () => {
      for (const file of files) await importOj(db, [file]);
      // What is left runs at commit: the materialised views' refresh, then the commit itself.
      phase = 'refresh';
      refreshStart = cpuMs();
    });
    const total = cpuMs() - start;
    const refresh = cpuMs() - refreshStart;
    console.log(`DuckDB read_csv: ${duckMs.toFixed(0)} ms CPU. Our import: ${total.toFixed(0)} ms (kvot ${(total / duckMs).toFixed(1)}), ` +
      `utan vyernas uppdatering och commit ${(total - refresh).toFixed(0)} ms (kvot ${((total - refresh) / duckMs).toFixed(1)}).`);
    const rows = [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40).map(([sql, s]) => [Math.round(s.ms), s.n, sql]);
    console.log(formatTable(['ms CPU', 'gånger', 'sats'], rows));
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await profileImport(process.argv.slice(2));
