import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { Database } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { readConfig } from '../config/loadConfig.ts';
import { InputError, type Problem } from '../text/problems.ts';
import { projectRoot } from '../paths.ts';
import { configDir } from './fixtureConfigs.ts';

export { cityConfigDir, configDir, townConfigDir } from './fixtureConfigs.ts';
/** The repository's configuration, for the tests that check data/ itself. */
export const repositoryConfigDir = join(projectRoot, 'data');

/** A fresh temp directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beredskap-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * One database for every test of a describe block, initialised with `config`, in a temp directory of its
 * own that lives as long as the block (tempDir's is emptied after each test). For tests that write
 * nothing to it, or nothing the next one minds.
 */
export function sharedTestDb(config = configDir): { readonly db: Database; readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'beredskap-test-'));
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), config);
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { get db() { return db!; }, dir };
}

/** The problems of the bad input `run` is refused for; fails the test when it is not refused so. */
export async function inputProblems(run: Promise<unknown>): Promise<Problem[]> {
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems;
}

/** A real DuckDB file in a temp directory, initialised with the tests' configuration. */
export async function openTestDb(dir: string, name = 'test.duckdb'): Promise<Database> {
  return openInitialisedDb(join(dir, name), configDir);
}

/**
 * The DuckDB file at `path` as initDatabase(db, config) leaves it. A new file for a fixture configuration
 * is a copy of the database src/test/globalSetup.ts initialised with it in this run; an existing file,
 * another configuration, or vitest run without that setup is initialised here.
 */
export async function openInitialisedDb(path: string, config: string): Promise<Database> {
  const initialised = existsSync(path) ? undefined : inject('initialisedDbs')?.[config];
  if (initialised) {
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(initialised, path);
  }
  const db = await Database.open(path);
  if (!initialised) await initDatabase(db, config);
  return db;
}

export type Cell = string | number | Date | null;

/**
 * Writes a real .xlsx with exceljs: each sheet is rows of cells; `merges` are ranges like "D4:F4".
 */
export async function writeXlsx(path: string, sheets: { name: string; rows: Cell[][]; merges?: string[] }[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null) ws.getCell(r + 1, c + 1).value = value;
    }));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

export function writeText(path: string, content: string | Buffer): string {
  writeFileSync(path, content);
  return path;
}

/** The error reading a configuration folder gives; fails the test if the folder reads without one. */
export function configError(dir: string): InputError {
  try {
    readConfig(dir);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${dir} lästes utan fel`);
}
