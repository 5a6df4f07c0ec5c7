import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { busyMarker } from './busyMarker.js';
import { openInstance } from './openInstance.js';
import { ensureFolder } from './ensureFolder.ts';

export { busyMarker };

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/** The database is held by another process (DuckDB allows one writer per file). */
export class DatabaseBusyError extends Error {
  constructor(readonly path: string, detail: string) {
    super(
      `Databasen ${path} ${busyMarker} (${detail}). ` +
        'Vänta tills den körningen är klar och försök igen.',
    );
  }
}

/** `--db` names something that is not a DuckDB database (a CSV, a SQLite file, a folder …). */
export class NotADatabaseError extends Error {
  constructor(readonly path: string, detail: string) {
    super(`${path} är inte en DuckDB-databas (${detail}). Ange med --db en befintlig DuckDB-fil eller en sökväg där en ny ska skapas.`);
  }
}

/**
 * Refuses a path that exists but is not a DuckDB file. DuckDB itself would open a CSV or JSON file as
 * an empty in-memory database (and save nothing), try to download the SQLite extension for a SQLite
 * file, or fail with an IO error; a DuckDB file says "DUCK" at byte 8 of its header.
 */
function assertDuckDbFile(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new NotADatabaseError(path, 'det är en katalog');
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const header = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 12, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 12 || header.toString('latin1', 8, 12) !== 'DUCK') {
    const sqlite = header.toString('latin1', 0, 6) === 'SQLite';
    throw new NotADatabaseError(path, size === 0 ? 'filen är tom' : sqlite ? 'det är en SQLite-fil' : 'filen har inte DuckDB:s filhuvud');
  }
}

export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** readOnly: for readers that may run side by side (dashboard loaders): they share the file. */
  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<Database> {
    // The folder first, so that a path through a file is told as a folder that cannot be created.
    if (path !== ':memory:' && !options.readOnly) ensureFolder(dirname(path));
    if (path !== ':memory:') assertDuckDbFile(path);
    let instance: DuckDBInstance;
    try {
      instance = await openInstance(path, options);
    } catch (error) {
      const message = String((error as Error).message ?? error);
      if (/Could not set lock/.test(message)) {
        const pid = /\(PID (\d+)\)/.exec(message)?.[1];
        throw new DatabaseBusyError(path, pid ? `PID ${pid}` : 'låst');
      }
      throw error;
    }
    return new Database(path, instance, await instance.connect());
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Rows as JSON-safe objects (bigints as numbers where they fit is left to SQL casts). */
  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  private inTransaction = false;
  private atCommit?: () => Promise<unknown>;

  /**
   * Runs `work` at the end of the outermost transaction, just before it commits (at once when there is
   * none); asked for again in the same transaction, it still runs once. For the materialised views: two
   * imports in one transaction recompute them once, and a reader never sees them behind the data.
   */
  async beforeCommit(work: () => Promise<unknown>): Promise<void> {
    if (this.inTransaction) this.atCommit = work;
    else await work();
  }

  /**
   * Runs `work` in one transaction: all of it is stored, or none of it. Inside another transaction it
   * joins that one (DuckDB has no nested transactions), so a step such as refreshing the materialised
   * views can be its own unit of work and part of an import's all the same.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    await this.run('begin transaction');
    this.inTransaction = true;
    try {
      const result = await work();
      const atCommit = this.atCommit;
      this.atCommit = undefined;
      await atCommit?.();
      this.inTransaction = false;
      await this.run('commit');
      return result;
    } catch (error) {
      this.inTransaction = false;
      this.atCommit = undefined;
      await this.run('rollback');
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Opens the database, runs `work`, and closes it whatever happens. */
export async function withDatabase<T>(path: string, work: (db: Database) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const db = await Database.open(path, options);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/**
 * Work with the database for a while: an open Database (held throughout), or a way to open it only
 * when needed, so that a long download holds no lock (DuckDB allows one writer per file).
 */
export type DbSession = <T>(work: (db: Database) => Promise<T>) => Promise<T>;

export const sessionOf = (db: Database | DbSession): DbSession =>
  typeof db === 'function' ? db : (work) => work(db);
