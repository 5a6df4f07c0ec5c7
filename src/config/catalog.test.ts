import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDb, tempDir } from '../test/helpers.ts';
import { Catalog } from './catalog.ts';

describe('Catalog.load', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('answers applies() from requirement_applicability, and refuses to guess when loaded without it', async () => {
    db = await openTestDb(dir);
    const row = (await db.one<{ requirement_id: string; unit_id: string; year: number }>('select requirement_id, unit_id, year from requirement_applicability order by all limit 1'))!;
    expect(row).toBeDefined();
    expect((await Catalog.load(db)).applies(row.requirement_id, row.unit_id, row.year)).toBe(true);
    expect((await Catalog.load(db)).applies(row.requirement_id, 'no-such-unit', row.year)).toBe(false);
    const lean = await Catalog.load(db, { applicability: false });
    expect(() => lean.applies(row.requirement_id, row.unit_id, row.year)).toThrow(/requirement_applicability/);
    expect(lean.unit(row.unit_id)).toBeDefined();
  });
});
