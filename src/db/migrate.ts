import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { sqlDir } from '../paths.ts';

const migrationsDir = join(sqlDir, 'migrations');

/** Applies every migration not yet applied, in file-name order, each in its own transaction. */
export async function migrate(db: Database): Promise<string[]> {
  await db.run(
    'create table if not exists schema_migration (name varchar primary key, applied_at timestamp not null)',
  );
  const applied = new Set(
    (await db.all<{ name: string }>('select name from schema_migration')).map((r) => r.name),
  );
  const pending = readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql') && !applied.has(f))
    .sort();
  for (const name of pending) {
    const sql = readFileSync(join(migrationsDir, name), 'utf8');
    await db.transaction(async () => {
      await db.run(sql);
      await db.run('insert into schema_migration values ($1, current_timestamp)', [name]);
    });
  }
  // DuckDB cannot replay a write-ahead log holding `alter table` on source_file (whose id defaults to a
  // sequence): "Failure while replaying WAL file". Written into the database file at once, the schema
  // change leaves no such log for a kill to strand.
  if (pending.length) await db.run('checkpoint');
  return pending;
}
