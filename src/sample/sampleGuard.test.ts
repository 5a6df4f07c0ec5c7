import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { InputError } from '../text/problems.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { openInitialisedDb, tempDir, townConfigDir, writeText } from '../test/helpers.ts';
import { buildSampleDatabase } from './generateSample.ts';

const counts = 'select (select count(*) from oj_answer)::int as answers, (select count(*) from self_assessment)::int as self, (select count(*) from source_file)::int as files, (select count(*) from source_file where superseded_by is not null)::int as superseded';

describe('sample data never goes over real data', () => {
  const dir = tempDir();

  it('fills a database without real data, and refuses one that holds real data (nothing changed)', async () => {
    mkdirSync(dir, { recursive: true });
    const db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    try {
      // Sample over sample is fine: the same files again change nothing.
      await buildSampleDatabase(db, join(dir, 'sample'), { ojYears: [2024], selfYears: [] });
      const sampleOnly = await db.one(counts);
      await buildSampleDatabase(db, join(dir, 'sample'), { ojYears: [2024], selfYears: [] });
      expect(await db.one(counts)).toEqual(sampleOnly);

      // Once a real file is in, the sample is refused and nothing changes.
      const real = writeText(join(dir, 'var-egen.csv'), 'År;Period;Nämnd;Krav;Status\n2025;T1;Tallmossen;B01;Uppfyllt\n');
      await importSelfAssessment(db, [real]);
      const withReal = await db.one(counts);
      await expect(buildSampleDatabase(db, join(dir, 'sample'), { ojYears: [2024], selfYears: [] })).rejects.toThrow(InputError);
      await expect(buildSampleDatabase(db, join(dir, 'sample'), { ojYears: [2024], selfYears: [] })).rejects.toThrow(/verkliga uppgifter.*var-egen\.csv/);
      expect(await db.one(counts)).toEqual(withReal);
      expect(await db.one(`select count(*)::int as n from source_file where file_name = 'var-egen.csv' and superseded_by is null`)).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    expect(await main(['sample', '--db', join(dir, 'test.duckdb'), '--config', townConfigDir, '--out', join(dir, 'sample'), '--quiet'], () => {})).toBe(1);
  });
});
