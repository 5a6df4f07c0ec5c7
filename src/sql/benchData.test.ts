import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longCsv } from '../bench/longCsv.ts';
import type { Database } from '../db/database.ts';
import { importOj } from '../oj/importOj.ts';
import { defaultSeed } from '../sample/generateSample.ts';
import { loadSampleInputs } from '../sample/sampleInputs.ts';
import { openInitialisedDb, tempDir, townConfigDir, writeText } from '../test/helpers.ts';
import { runViewChecks } from './viewChecks.ts';

describe('views over the national-scale benchmark data', () => {
  const dir = tempDir();
  let db: Database;
  let rows = 0;
  beforeAll(async () => {
    // on the fixture town: its split stadsdelsnämnd (two successors) at national scale
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    const { bytes, rows: written } = longCsv(await loadSampleInputs(db), [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], defaultSeed);
    await importOj(db, [writeText(join(dir, 'national.csv'), bytes)]);
    rows = written;
  });
  afterAll(() => db?.close());

  it('stores every row of the file once, and holds every grain and data test', async () => {
    // Every data row of the long file is one answer cell (longCsv writes no aggregate rows).
    expect(rows).toBeGreaterThan(100_000);
    expect((await db.one<{ n: number }>('select count(*)::integer as n from oj_answer'))!.n).toBe(rows);
    expect(await runViewChecks(db)).toEqual([]);
  });
});
