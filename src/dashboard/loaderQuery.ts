import { existsSync } from 'node:fs';
import { withDatabase } from '../db/database.ts';
import { defaultDbPath } from '../paths.ts';

export type Query = (sql: string, params?: (string | number | null)[]) => Promise<Record<string, unknown>[]>;

/**
 * Queries the database named by BEREDSKAP_DB read-only (the config's page list runs beside the loaders
 * while Framework builds), or returns undefined when there is no database yet. The loaders themselves
 * use martLoader.js.
 */
export async function queryDashboardDb<T>(work: (query: Query) => Promise<T>): Promise<T | undefined> {
  const path = defaultDbPath();
  if (!existsSync(path)) return undefined;
  return withDatabase(path, (db) => work((sql, params) => db.all(sql, params)), { readOnly: true });
}
