// The whole of a dashboard data loader. Plain JavaScript, so that Framework runs each loader with node
// itself: a build runs some forty of them, and starting a TypeScript compiler for each cost more than
// the queries. `npm run build` and `npm start` (src/dashboard/buildSite.ts) name the database and the
// profile in the environment (BEREDSKAP_DB, BEREDSKAP_PROFILE); loaders select from the marts of
// src/sql (dash_* and the documented views) and compute nothing.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';

/** The build profile the loaders were started with: public or internal (validated by the build). */
export function loaderProfile() {
  const profile = process.env.BEREDSKAP_PROFILE;
  if (profile !== 'public' && profile !== 'internal') {
    throw new Error('BEREDSKAP_PROFILE ska vara public eller internal: bygg med npm run build eller npm start');
  }
  return profile;
}

/**
 * Opens BEREDSKAP_DB read-only (loaders run side by side), lets `build(query)` select, and writes its
 * result as JSON to stdout once. query(sql, params) returns rows as JSON-safe objects; params are bound,
 * never spliced into the SQL. Any failure exits non-zero, so the build stops instead of publishing an
 * empty page.
 * @param {(query: (sql: string, params?: (string | number | null)[]) => Promise<Record<string, unknown>[]>) => Promise<unknown>} build
 */
export async function runMartLoader(build) {
  const path = process.env.BEREDSKAP_DB;
  try {
    if (!path) throw new Error('BEREDSKAP_DB saknas: bygg med npm run build eller npm start');
    if (!existsSync(path)) throw new Error(`Databasen ${path} finns inte: kör npm start eller npx beredskap sample först.`);
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      const query = async (sql, params) => (await connection.runAndReadAll(sql, params)).getRowObjectsJson();
      process.stdout.write(JSON.stringify(await build(query)));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  } catch (error) {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  }
}

/** The value of option --name=value among the loader's arguments (Framework passes dynamic-path parameters so). */
export function loaderParam(name) {
  const prefix = `--${name}=`;
  const value = process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  if (!value) throw new Error(`--${name}=… saknas`);
  return value;
}
