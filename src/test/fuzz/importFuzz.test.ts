// The importers under random mutation of the sample's own files (see importFuzz.ts). A fixed seed and a
// few hundred mutations run here; `npm run fuzz -- --count N` runs more, and every failure it finds
// becomes a test of its own (src/imports/fuzzFindings.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cliTesting.ts';
import type { Database } from '../../db/database.ts';
import { cityConfigDir, openInitialisedDb } from '../helpers.ts';
import { fuzzImports, mutation, sampleSubjects, type Subject } from './importFuzz.ts';
import { writeDoc } from './mutate.ts';

const seed = 19;
const count = 250;

describe('importers under random mutation of the sample files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beredskap-fuzz-'));
  const dbPath = join(dir, 'fuzz.duckdb');
  let db: Database | undefined;
  let subjects: Subject[];
  beforeAll(async () => {
    db = await openInitialisedDb(dbPath, cityConfigDir);
    subjects = await sampleSubjects(db, dir);
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${count} mutations (seed ${seed}): each import's counts are the database's real differences, or it is bad input at a file and row`, async () => {
    const result = await fuzzImports(db!, subjects, { seed, count, dir });
    expect(result.failures).toEqual([]);
    // Both outcomes are exercised: mutations that import and mutations that are refused.
    expect(result.refused).toBeGreaterThan(count / 5);
    expect(result.runs - result.refused).toBeGreaterThan(count / 5);
  });

  it('end to end: mutated files through the command line exit 0 or 1 naming the file, never another code or a stack trace', async () => {
    db!.close();
    db = undefined;
    // Two mutations of the run above, as the command line runs them: a judgement export that lost its
    // Måluppfyllelse column (refused), an ÖJ workbook with its sheets swapped and a kommun code respelt.
    for (const [index, code] of [[0, 1], [6, 0]] as const) {
      const { subject, doc } = mutation(subjects, seed, index);
      const path = join(dir, subject.file);
      writeFileSync(path, await writeDoc(doc));
      const kind = subject.file.startsWith('oj') ? 'oj' : subject.file.startsWith('bedomning') ? 'judgement' : 'self-assessment';
      const run = runCli(['import', kind, path, '--db', dbPath, '--config', cityConfigDir, '--dry-run']);
      expect([index, run.code]).toEqual([index, code]);
      expect(run.stderr).not.toMatch(/Internt fel|\n\s+at /);
      expect(run.code === 0 ? run.stdout : run.stderr).toContain(subject.file);
    }
  });
});
