import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import type { Database } from '../db/database.ts';
import { InputError } from '../text/problems.ts';
import { openTestDb, tempDir, writeXlsx, type Cell } from '../test/helpers.ts';
import { importOj } from './importOj.ts';

const kommuner: [string, string][] = [
  ['0114', 'Upplands Väsby'], ['0115', 'Vallentuna'], ['0117', 'Österåker'], ['0120', 'Värmdö'], ['0123', 'Järfälla'],
  ['0125', 'Ekerö'], ['0126', 'Huddinge'], ['0127', 'Botkyrka'], ['0128', 'Salem'], ['0136', 'Haninge'],
  ['0138', 'Tyresö'], ['0139', 'Upplands-Bro'], ['0160', 'Täby'], ['0162', 'Danderyd'], ['0163', 'Sollentuna'],
  ['0180', 'Stockholm'], ['0181', 'Södertälje'], ['0182', 'Nacka'], ['0183', 'Sundbyberg'], ['0184', 'Solna'],
];
const stadsdelar = ['Farsta', 'Bromma', 'Skärholmen', 'Enskede-Årsta-Vantör'];

/**
 * A workbook laid out unlike the sample: one-level "Område – Verksamhet" headers, kommun rows first in a
 * sheet named by year, the stadsdelar in a sheet of their own (left out with `stadsdelSheet: false`).
 */
function workbook(path: string, options: { stadsdelSheet?: boolean; stockholm?: boolean; drop?: string } = {}) {
  const header = ['Plan för evakuering – Hemtjänst', 'Plan för evakuering – Särskilt boende för äldre'];
  const answers = (i: number): Cell[] => [i % 3 ? 'Ja' : 'Nej', i % 2 ? 'Ja' : 'Nej'];
  return writeXlsx(path, [
    {
      name: '2024 kommuner',
      rows: [
        ['Krisberedskap 2024'],
        ['Kod', 'Kommun', ...header],
        ...kommuner.filter(([code]) => (options.stockholm !== false || code !== '0180') && code !== options.drop).map(([code, name], i) => [code, name, ...answers(i)]),
      ],
    },
    ...(options.stadsdelSheet === false ? [] : [{
      name: 'SDN',
      rows: [['Krisberedskap 2024'], ['Stadsdel', ...header], ...stadsdelar.map((s, i) => [s, ...answers(i)])],
    }]),
  ]);
}

describe('the shrink guard per unit kind and for the organisation', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('refuses a new version that loses every stadsdelsnämnd, though it keeps most of the year; --replace lets it, reporting removals by kind', async () => {
    db = await openTestDb(dir);
    await importOj(db, [await workbook(join(dir, 'oj-2024.xlsx'))]);
    expect(await db.one('select count(*)::int as n from oj_answer')).toEqual({ n: 48 });
    const partial = await workbook(join(dir, 'oj-2024-ny.xlsx'), { stadsdelSheet: false });
    // 8 of 48 rows is a sixth: the overall guard alone would let it through.
    const error = (await importOj(db, [partial]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^den nya versionen tar bort 8 av 8 rader för enheter av slaget stadsdelsnamnd som den ersätter.*--replace/),
      expect.stringMatching(/^den nya versionen tar bort 8 av 10 rader för organisationens egna enheter \(stockholm\)/),
    ]);
    expect(await db.one('select count(*)::int as n from oj_answer')).toEqual({ n: 48 });

    const out: string[] = [];
    db.close();
    expect(await main(['import', 'oj', partial, '--db', join(dir, 'test.duckdb'), '--quiet'], (t) => out.push(t))).toBe(1);
    expect(await main(['import', 'oj', partial, '--db', join(dir, 'test.duckdb'), '--quiet', '--replace', '--dry-run'], (t) => out.push(t))).toBe(0);
    expect(out.join("\n")).toMatch(/ÖJ-svar: 0 nya, 8 borttagna \(stadsdelsnämnd 8\), 0 ändrade/);
    db = await openTestDb(dir);
    const [report] = await importOj(db, [partial], { replace: true });
    expect(report!.changes!.oj_answer).toEqual({ added: 0, removed: 8, changed: 0, removedByKind: { stadsdelsnamnd: 8 } });
  });

  it("refuses a new version that loses the organisation's own kommun row and nämnder while other kommuner stay", async () => {
    db = await openTestDb(dir);
    await importOj(db, [await workbook(join(dir, 'oj-2024.xlsx'))]);
    const withoutCity = await workbook(join(dir, 'oj-2024-utan.xlsx'), { stadsdelSheet: false, stockholm: false });
    await expect(importOj(db, [withoutCity])).rejects.toThrow(/tar bort 10 av 10 rader för organisationens egna enheter/);
    // Losing one other kommun of twenty is an ordinary correction.
    const fewer = await workbook(join(dir, 'oj-2024-v2.xlsx'), { drop: '0184' });
    const [report] = await importOj(db, [fewer]);
    expect(report!.changes!.oj_answer).toMatchObject({ removed: 2, removedByKind: { kommun: 2 } });
  });
});
