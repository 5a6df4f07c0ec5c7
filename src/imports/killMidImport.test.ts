import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longCsv } from '../bench/longCsv.ts';
import { Database } from '../db/database.ts';
import { projectRoot } from '../paths.ts';
import { defaultSeed } from '../sample/generateSample.ts';
import { loadSampleInputs } from '../sample/sampleInputs.ts';
import { openInitialisedDb, tempDir, townConfigDir, writeText } from '../test/helpers.ts';

describe('an import killed midway', () => {
  const dir = tempDir();

  it('leaves the database as it was or fully imported, never partly', async () => {
    const db = await openInitialisedDb(join(dir, 'killed.duckdb'), townConfigDir);
    const { bytes, rows } = longCsv(await loadSampleInputs(db), [2020, 2021, 2022, 2023, 2024, 2025], defaultSeed);
    db.close();
    const csv = writeText(join(dir, 'national.csv'), bytes);
    // Killed at several points of the run: while parsing, while storing, around the commit.
    for (const delayMs of [400, 1200, 2000]) {
      const child = spawn(process.execPath, [join(projectRoot, 'src/bin.js'), 'import', 'oj', csv, '--db', join(dir, 'killed.duckdb'), '--config', townConfigDir, '--quiet'], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      const after = await Database.open(join(dir, 'killed.duckdb'));
      try {
        const { answers, sources } = (await after.one<{ answers: number; sources: number }>(
          'select (select count(*) from oj_answer)::integer as answers, (select count(*) from source_file)::integer as sources',
        ))!;
        expect([[0, 0], [rows, 1]]).toContainEqual([answers, sources]);
      } finally {
        after.close();
      }
    }
  });
});
