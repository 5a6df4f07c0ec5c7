// Runs once before any test file (vitest globalSetup). Creating the views and their materialised tables
// is most of what opening a fresh test database costs (seconds, under a hundred milliseconds to copy), and
// over a hundred tests each open one on the same configuration. So each fixture configuration is
// initialised once here, by the same initDatabase every command runs, and the tests copy the closed file
// (src/test/helpers.ts openInitialisedDb). Made from this checkout's src/sql and fixtures in every run, it
// cannot be stale.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { Database } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { fixtureConfigs } from './fixtureConfigs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Fixture configuration folder → a closed database file initialised with it. */
    initialisedDbs: Record<string, string>;
    /** A folder of this run for what test files share (src/test/sharedSample.ts). */
    runDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'beredskap-initialised-'));
  const files: Record<string, string> = {};
  for (const [name, configDir] of Object.entries(fixtureConfigs)) {
    const path = join(dir, `${name}.duckdb`);
    const db = await Database.open(path);
    try {
      await initDatabase(db, configDir);
      files[configDir] = path;
    } catch {
      // A broken view or configuration: no copy, so that each test initialises its own database and
      // reports the error where it belongs, in vitest's count, rather than the run stopping here.
    } finally {
      db.close();
    }
  }
  project.provide('initialisedDbs', files);
  project.provide('runDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
