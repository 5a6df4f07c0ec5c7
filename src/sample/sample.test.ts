import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { runViewChecks } from '../sql/viewChecks.ts';
import { tempDir } from '../test/helpers.ts';
import { openSampleDb } from '../test/sharedSample.ts';

// One sample build, shared with the other files that read it (src/test/sharedSample.ts): it is the slow
// part, and every test only reads.
describe('sample data, built through the real import path', () => {
  const dir = tempDir();
  let db: Database;
  beforeAll(async () => {
    db = await openSampleDb(join(dir, 'test.duckdb'));
  });
  afterAll(() => db?.close());

  // The fixture town (src/test/fixtures/town): the merger of 2019-01-01 and the split of 2022-07-01, each
  // counted from the first ÖJ measure date (1 February) after it.
  it('has the town\'s 5 stadsdelsnämnder up to 2018, 4 for 2019–2022 and 3 from 2023', async () => {
    const counts = await db.all<{ year: number; n: number }>(
      `select year, count(distinct unit_id)::int as n from oj_answer join org_unit using (unit_id)
       where kind = 'stadsdelsnamnd' and kommun_code = '9998' group by year order by year`,
    );
    expect(counts).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, n: year <= 2018 ? 5 : year <= 2022 ? 4 : 3 })));
  });

  it('has answers for all 291 kommuner (the 290 real ones and the town) every year, and every answer kind', async () => {
    const kommuner = await db.all<{ n: number }>("select count(distinct unit_id)::int as n from oj_answer join org_unit using (unit_id) where kind = 'kommun' group by year");
    expect(new Set(kommuner.map((k) => k.n))).toEqual(new Set([291]));
    const answers = await db.all<{ answer: string }>('select distinct answer from oj_answer order by 1');
    expect(answers.map((a) => a.answer)).toEqual(['delvis', 'ej_aktuellt', 'ej_svar', 'ja', 'nej', 'pagar']);
  });

  it('has self-assessments for every nämnd and bolag of the town for 2024 and 2025, T1, T2 and VB, with every status', async () => {
    const periods = await db.all<{ year: number; period: string; n: number }>(
      `select year, period, count(distinct unit_id)::int as n from self_assessment where year >= 2024 group by all order by all`,
    );
    const namnder = await db.all<{ year: number; n: number }>(
      `select y.year, count(*)::int as n from (values (2024), (2025)) y(year) join stg_org_namnd u
       on valid_on(u.valid_from, u.valid_to, make_date(y.year, 12, 31)) group by all order by 1`,
    );
    // 3 stadsdelsnämnder, the kommunstyrelse, 4 facknämnder and 3 bolag
    expect(namnder).toEqual([{ year: 2024, n: 11 }, { year: 2025, n: 11 }]);
    for (const { year, n } of namnder) {
      expect(periods.filter((p) => p.year === year).map((p) => [p.period, p.n])).toEqual([['T1', n], ['T2', n], ['VB', n]]);
    }
    const statuses = await db.all<{ status: string }>('select distinct status from self_assessment order by 1');
    expect(statuses.map((s) => s.status)).toEqual(['delvis', 'ej_aktuellt', 'ej_svar', 'ej_uppfyllt', 'uppfyllt']);
  });

  it('follows the programme model: bolag self-assess, requirements only where they apply, nämndens bedömning beside the computed share', async () => {
    const bolag = await db.one<{ n: number }>(`select count(distinct unit_id)::int as n from self_assessment join org_unit using (unit_id) where kind = 'bolag' and year = 2025`);
    expect(bolag!.n).toBeGreaterThan(0);
    // Samhällsbyggnadsnämnden is never asked about procuring socialtjänst (B07 applies to stadsdelsnämnder,
    // Social- och arbetsmarknadsnämnden, Omsorgsnämnden), but is asked what every nämnd is (B01).
    expect(await db.all(`select * from self_assessment where unit_id = 'samhallsbyggnadsnamnden' and requirement_id = 'B07'`)).toEqual([]);
    expect(await db.one(`select count(*)::int as n from self_assessment where unit_id = 'samhallsbyggnadsnamnden' and requirement_id = 'B01' and year = 2025`)).toEqual({ n: 3 });
    // Älvvikshem is left out of L03 (applies nej), its sister company is not.
    expect(await db.all(`select distinct unit_id from self_assessment where requirement_id = 'L03' and unit_id like 'alvvik%' order by 1`)).toEqual([{ unit_id: 'alvvik-energi' }, { unit_id: 'alvviks-stadshus-ab' }]);
    const judged = await db.one<{ n: number; units: number; differs: number; same: number }>(
      `select count(*)::int as n, count(distinct unit_id)::int as units,
              count(*) filter (where difference in ('bedomning_hogre', 'bedomning_lagre'))::int as differs,
              count(*) filter (where difference = 'samma')::int as same
       from judgement_comparison where year = 2025`);
    expect(judged!.units).toBe(11);
    expect(judged!.differs).toBeGreaterThan(0);
    expect(judged!.same).toBeGreaterThan(0);
    expect(await db.all(`select distinct unit_group from judgement_city order by 1`)).toEqual([{ unit_group: 'bolag' }, { unit_group: 'namnd' }]);
  });

  it('marks every source file as sample data', async () => {
    const { n, sample } = (await db.one<{ n: number; sample: number }>('select count(*)::int as n, count(*) filter (where is_sample)::int as sample from source_file'))!;
    expect(n).toBeGreaterThan(10);
    expect(sample).toBe(n);
  });

  it('reads back what its workbooks publish: every fidelity row is ok', async () => {
    const rows = await db.one<{ n: number; bad: number }>('select count(*)::int as n, count(*) filter (where not ok)::int as bad from fidelity');
    expect(rows!.n).toBeGreaterThan(1000);
    expect(rows!.bad).toBe(0);
  });

  it('passes every view data test and grain check', async () => {
    expect(await runViewChecks(db)).toEqual([]);
  });

  it('is deterministic: a second build writes identical sample files', async () => {
    const { generateSample } = await import('./generateSample.ts');
    const { createHash } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    const hashes = (files: string[]) => files.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
    const a = await generateSample(db, join(dir, 'a'));
    const b = await generateSample(db, join(dir, 'b'));
    expect(hashes([...a.ojFiles, ...a.selfFiles, ...a.judgementFiles])).toEqual(hashes([...b.ojFiles, ...b.selfFiles, ...b.judgementFiles]));
  });
});
