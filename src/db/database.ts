import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { dirname } from 'node:path';
import { ensureFolder } from './ensureFolder.ts';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/** The database is held by another process (DuckDB allows one writer per file). */
export class DatabaseBusyError extends Error {
  constructor(readonly path: string, detail: string) {
    super(
      `Databasen ${path} används av en annan process (${detail}). ` +
        'Vänta tills den körningen är klar och försök igen.',
    );
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
    if (path !== ':memory:' && !options.readOnly) ensureFolder(dirname(path));
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : undefined);
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

  /** Runs `work` in one transaction: all of it is stored, or none of it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.run('begin transaction');
    try {
      const result = await work();
      await this.run('commit');
      return result;
    } catch (error) {
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
