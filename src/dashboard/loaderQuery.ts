import { existsSync } from 'node:fs';
import { DatabaseBusyError, withDatabase } from '../db/database.ts';
import { defaultDbPath } from '../paths.ts';

export type Query = (sql: string, params?: (string | number | null)[]) => Promise<Record<string, unknown>[]>;

/**
 * Queries the database named by BEREDSKAP_DB read-only (loaders and the config's page list run side by
 * side while Framework builds), or returns undefined when there is no database yet.
 */
export async function queryDashboardDb<T>(work: (query: Query) => Promise<T>): Promise<T | undefined> {
  const path = defaultDbPath();
  if (!existsSync(path)) return undefined;
  return withDatabase(path, (db) => work((sql, params) => db.all(sql, params)), { readOnly: true });
}

/**
 * The whole of a dashboard data loader: let `build` query views, write its result as JSON to stdout
 * once. Logs go to stderr; any failure exits non-zero so the build stops instead of publishing an empty
 * page.
 */
export async function runJsonLoader(build: (query: Query) => Promise<unknown>): Promise<void> {
  try {
    const result = await queryDashboardDb(build);
    if (result === undefined) {
      process.stderr.write(`Databasen ${defaultDbPath()} finns inte: kör npm start eller npx beredskap sample först.\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(JSON.stringify(result));
  } catch (error) {
    // A busy database is a message, not a stack trace; the build says so and keeps the previous site.
    process.stderr.write(`${error instanceof DatabaseBusyError ? error.message : (error as Error).stack ?? error}\n`);
    process.exitCode = error instanceof DatabaseBusyError ? 3 : 1;
  }
}
