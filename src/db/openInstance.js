// The one way a DuckDB file is opened, by the command line (database.ts) and the dashboard's loaders
// (src/dashboard/martLoader.js) alike. Plain JavaScript, since the loaders run without a TypeScript compiler.
import { DuckDBInstance } from '@duckdb/node-api';

/*
 * No connection may load or install an extension on its own: there is no internet to fetch one from,
 * and a file that merely looks like another format must not make DuckDB try.
 */
const noExtensions = { autoload_known_extensions: 'false', autoinstall_known_extensions: 'false' };

/**
 * A DuckDB instance on `path`; readOnly for readers that run side by side (the loaders share the file).
 * @param {string} path
 * @param {{ readOnly?: boolean }} [options]
 */
export function openInstance(path, { readOnly = false } = {}) {
  return DuckDBInstance.create(path, readOnly ? { ...noExtensions, access_mode: 'READ_ONLY' } : noExtensions);
}
