import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { defaultDbPath } from '../paths.ts';

export type Query = (sql: string, params?: (string | number | null)[]) => Promise<Record<string, unknown>[]>;

/**
 * The whole of a dashboard data loader: open the database named by BEREDSKAP_DB read-only (loaders run
 * in parallel processes), let `build` query views, write its result as JSON to stdout once. Logs go to
 * stderr; any failure exits non-zero so the build stops instead of publishing an empty page.
 */
export async function runJsonLoader(build: (query: Query) => Promise<unknown>): Promise<void> {
  const path = defaultDbPath();
  if (!existsSync(path)) {
    process.stderr.write(`Databasen ${path} finns inte: kör npm start eller npx beredskap sample först.\n`);
    process.exit(1);
  }
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const query: Query = async (sql, params) => (await connection.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, unknown>[];
    process.stdout.write(JSON.stringify(await build(query)));
  } catch (error) {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
