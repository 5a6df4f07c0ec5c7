import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openInitialisedDb, tempDir, townConfigDir } from '../test/helpers.ts';
import { Catalog } from './catalog.ts';

describe('Catalog.load', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('answers applies() from requirement_applicability, and refuses to guess when loaded without it', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    // A requirement in force that applies to one unit that year and not to another (förskola's, say).
    const pair = (await db.one<{ requirement_id: string; unit_id: string; other_unit_id: string; year: number }>(
      `select a.requirement_id, a.unit_id, o.unit_id as other_unit_id, a.year
       from requirement_applicability a
       join (select distinct unit_id, year from requirement_applicability) o on o.year = a.year
       where not exists (select 1 from requirement_applicability x where x.requirement_id = a.requirement_id and x.unit_id = o.unit_id and x.year = a.year)
       order by all limit 1`,
    ))!;
    const catalog = await Catalog.load(db);
    expect(catalog.applies(pair.requirement_id, pair.unit_id, pair.year)).toBe(true);
    expect(catalog.applies(pair.requirement_id, pair.other_unit_id, pair.year)).toBe(false);
    expect(catalog.applies(pair.requirement_id, pair.unit_id, 1990)).toBe(false);
    const lean = await Catalog.load(db, { applicability: false });
    expect(() => lean.applies(pair.requirement_id, pair.unit_id, pair.year)).toThrow(/requirement_applicability/);
    expect(lean.unit(pair.unit_id)?.unit_id).toBe(pair.unit_id);
  });
});
