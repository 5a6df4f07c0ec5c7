// The whole of a dashboard data loader. Plain JavaScript, so that Framework runs each loader with node
// itself: a build runs some forty of them, and starting a TypeScript compiler for each cost more than
// the queries. `npm run build` and `npm start` (src/dashboard/buildSite.ts) name the database and the
// profile in the environment (BEREDSKAP_DB, BEREDSKAP_PROFILE); loaders select from the marts of
// src/sql (dash_* and the documented views) and compute nothing.
import { existsSync } from 'node:fs';
import { pack } from 'tar-stream';
import { busyMarker } from '../db/busyMarker.js';
import { openInstance } from '../db/openInstance.js';
import { toColumns } from '../present/columns.js';

/** The build profile the loaders were started with: public or internal (validated by the build). */
export function loaderProfile() {
  const profile = process.env.BEREDSKAP_PROFILE;
  if (profile !== 'public' && profile !== 'internal') {
    throw new Error('BEREDSKAP_PROFILE ska vara public eller internal: bygg med npm run build eller npm start');
  }
  return profile;
}

/**
 * Opens BEREDSKAP_DB read-only (loaders run side by side), tells the marts the build's profile (the
 * variable behind build_profile() and published() in src/sql/macros.sql), lets `build(query)` select,
 * and writes what `write` makes of its result to stdout once. query(sql, params) returns rows as JSON-safe objects;
 * params are bound, never spliced into the SQL. Any failure exits non-zero, so the build stops instead
 * of publishing an empty page.
 */
async function runLoader(build, write) {
  const path = process.env.BEREDSKAP_DB;
  try {
    if (!path) throw new Error('BEREDSKAP_DB saknas: bygg med npm run build eller npm start');
    if (!existsSync(path)) throw new Error(`Databasen ${path} finns inte: kör npm start eller npx beredskap sample först.`);
    const instance = await openInstance(path, { readOnly: true });
    const connection = await instance.connect();
    try {
      // loaderProfile() is one of two fixed words, so it is written into the statement (SET takes no parameter).
      await connection.run(`set variable beredskap_profile = '${loaderProfile()}'`);
      const query = async (sql, params) => (await connection.runAndReadAll(sql, params)).getRowObjectsJson();
      process.stdout.write(await write(await build(query)));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  } catch (error) {
    // A database held by a writer is a message the build recognises, not a stack trace.
    const busy = /Could not set lock/.test(String(error?.message));
    process.stderr.write(busy ? `Databasen ${path} ${busyMarker}.\n` : `${error?.stack ?? error}\n`);
    process.exitCode = busy ? 3 : 1;
  }
}

/**
 * A loader of one JSON file (`docs/data/NAME.json.js`). With `columns`, every list of rows at the top
 * of the result is written by column (src/present/columns.js), for pages whose data would otherwise
 * be most of what they transfer; such a page reads it with fromColumns.
 * @param {(query: (sql: string, params?: (string | number | null)[]) => Promise<Record<string, unknown>[]>) => Promise<unknown>} build
 * @param {{ columns?: boolean }} [options]
 */
export function runMartLoader(build, { columns = false } = {}) {
  return runLoader(build, (result) => JSON.stringify(columns ? byColumn(result) : result));
}

/** Every list of rows at the top of `result` written by column. */
function byColumn(result) {
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, toColumns(value)]));
}

/**
 * A loader of an archive of JSON files (`docs/data/NAME.tar.js`; a page reads `data/NAME/FILE.json`):
 * `build` returns [file name, value] pairs. One process serves every page of a template (one per
 * nämnd), or every file of a page, where one loader per file would start node and DuckDB again for
 * each. `columns` as for runMartLoader, in every file.
 * @param {(query: (sql: string, params?: (string | number | null)[]) => Promise<Record<string, unknown>[]>) => Promise<[string, unknown][]>} build
 * @param {{ columns?: boolean }} [options]
 */
export function runMartArchive(build, { columns = false } = {}) {
  return runMartFiles(async (query) => (await build(query)).map(([name, value]) => [name, JSON.stringify(columns ? byColumn(value) : value)]));
}

/**
 * A loader of an archive of files of any kind (`docs/data/NAME.tar.js`): `build` returns [file name,
 * content] pairs, the content text or bytes as the file is to be served (a JSON file, a Word document).
 * @param {(query: (sql: string, params?: (string | number | null)[]) => Promise<Record<string, unknown>[]>) => Promise<[string, string | Buffer][]>} build
 */
export function runMartFiles(build) {
  return runLoader(build, (entries) => tar(entries.map(([name, content]) => [name, Buffer.isBuffer(content) ? content : Buffer.from(content)])));
}

/**
 * The files as a tar archive, written by tar-stream (which Framework reads it with). Every entry's time
 * is 0, so the same data gives the same bytes.
 */
async function tar(files) {
  const archive = pack();
  for (const [name, data] of files) archive.entry({ name, size: data.length, mtime: new Date(0) }, data);
  archive.finalize();
  const chunks = [];
  for await (const chunk of archive) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The value of option --name=value among the loader's arguments (Framework passes dynamic-path parameters so). */
export function loaderParam(name) {
  const prefix = `--${name}=`;
  const value = process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  if (!value) throw new Error(`--${name}=… saknas`);
  return value;
}
