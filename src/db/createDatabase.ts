import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeLeftovers } from '../leftovers.ts';
import { Database } from './database.ts';
import { ensureFolder } from './ensureFolder.ts';

/** The name a new database at `path` is built under, by process `pid`: hidden, beside it. */
export const creatingPrefix = (path: string) => `.${basename(path)}.creating-`;

/**
 * A database that does not exist yet is built whole (`build`: schema, configuration, views, perhaps the
 * sample data) under a temporary name beside it, checkpointed and only then moved into place. DuckDB
 * cannot replay the write-ahead log of a schema interrupted mid-creation ("Failure while replaying WAL
 * file"), so a Ctrl-C or kill while the file had its final name left a database no command could open.
 * Now an interrupted creation leaves only the temporary file, which the next creation removes, saying
 * so in one line (`say`). Returns what `build` returned, or undefined when the database already existed.
 */
export async function createIfMissing<T>(path: string, build: (db: Database) => Promise<T>, say: (line: string) => void): Promise<{ built: T } | undefined> {
  if (path === ':memory:' || existsSync(path)) return undefined;
  const dir = dirname(path);
  ensureFolder(dir);
  const leftovers = removeLeftovers(dir, creatingPrefix(path));
  // A log without its database belongs to none: replayed into the new file it would break it.
  const orphanLog = existsSync(`${path}.wal`);
  if (leftovers.length || orphanLog) {
    rmSync(`${path}.wal`, { force: true });
    const pids = [...new Set(leftovers.map((l) => l.pid))];
    say(`En avbruten körning${pids.length ? ` (process ${pids.join(', ')})` : ''} lämnade en ofullständig ny databas; den är borttagen och ${path} skapas på nytt.`);
  }
  const temp = join(dir, `${creatingPrefix(path)}${process.pid}`);
  const removeTemp = () => {
    for (const file of [temp, `${temp}.wal`]) rmSync(file, { force: true });
  };
  removeTemp();
  let built: T;
  try {
    const db = await Database.open(temp);
    try {
      built = await build(db);
      await db.run('checkpoint');
    } finally {
      db.close();
    }
    moveIntoPlace(temp, path);
  } finally {
    removeTemp();
  }
  return { built };
}

/**
 * `temp` becomes `path` unless another process created `path` meanwhile: then that one is kept, since a
 * process may already have it open and would write into a file no longer there. A hard link is the
 * move that refuses an existing name; a file system without hard links gets a rename.
 */
function moveIntoPlace(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (!existsSync(path)) renameSync(temp, path);
  }
}
