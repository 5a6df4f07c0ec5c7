import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root; defaults resolve against it so commands behave the same from any directory. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BEREDSKAP_DB ?? resolve(projectRoot, 'data/beredskap.duckdb'));
}

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BEREDSKAP_CONFIG ?? resolve(projectRoot, 'data'));
}

export const sqlDir = resolve(projectRoot, 'src/sql');
