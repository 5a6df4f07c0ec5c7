// An action plan for every ÖJ gap (issue 23), round trip on the fixture city: `template action-plan`
// writes one workbook per nämnd with the ÖJ gaps it is responsible for (a gap Norr answered Nej in
// procurement, shared with the socialnämnd, is in both plans), a person fills one in, `import
// action-plan --dry-run` writes nothing and lists what is missing, the import stores it whole or not at
// all, the nämnd page shows each gap with its action or as without one – and a public build the counts only.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { Database } from '../db/database.ts';
import { importOj } from '../oj/importOj.ts';
import { cityConfigDir, openInitialisedDb, tempDir, writeText } from '../test/helpers.ts';
import { dashboardData } from '../test/loaderOutputs.ts';
import { actionColumn, actionSheetName } from './layout.ts';

type Row = Record<string, unknown>;

/** What a person types into the plan's rows, by Fråga-id and Besvarad av. */
async function fill(path: string, answers: Record<string, Partial<Record<'Åtgärd' | 'Ansvarig' | 'Status' | 'Kommentar', string>> & { due?: Date }>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  workbook.getWorksheet(actionSheetName)!.eachRow((row, n) => {
    const a = answers[`${String(row.getCell(actionColumn('Fråga-id')).value)} ${String(row.getCell(actionColumn('Besvarad av')).value)}`];
    if (n === 1 || !a) return;
    for (const header of ['Åtgärd', 'Ansvarig', 'Status', 'Kommentar'] as const) if (a[header] !== undefined) row.getCell(actionColumn(header)).value = a[header];
    if (a.due) row.getCell(actionColumn('Klart senast')).value = a.due;
  });
  await workbook.xlsx.writeFile(path);
}

describe('an action plan for every ÖJ gap', () => {
  const dir = tempDir();

  it('round trip: template per nämnd, filled, checked, imported whole or not at all, on the page; public shows counts', async () => {
    const dbPath = join(dir, 'city.duckdb');
    const db = await openInitialisedDb(dbPath, cityConfigDir);
    try {
      await importOj(db, [writeText(join(dir, 'oj.csv'), [
        'ar;enhet;indikator;verksamhet;svar',
        '2020;Norr;upphandling;sabo;Ja', '2020;Norr;upphandling;hemtjanst;Nej', '2020;Norr;evakuering;hemtjanst;Nej',
        '2020;Syd;upphandling;hemtjanst;Nej', '2020;Syd;evakuering;sabo;Ja',
      ].join('\n'))]);
    } finally {
      db.close();
    }
    const cli = async (...args: string[]) => {
      const printed: string[] = [];
      const code = await main([...args, '--db', dbPath, '--config', cityConfigDir, '--quiet'], (t) => printed.push(t));
      return { code, text: printed.join('\n') };
    };

    const out = join(dir, 'mallar');
    expect(await cli('template', 'action-plan', '--year', '2020', '-o', out)).toMatchObject({ code: 0, text: expect.stringContaining('3 åtgärdsplaner skrivna') });
    // A year without gaps writes nothing, and says which years have some.
    expect(await cli('template', 'action-plan', '--year', '2019', '--unit', 'Norr', '-o', join(dir, 'tom'))).toMatchObject({ code: 1 });
    // An existing (perhaps filled) plan is never overwritten unasked.
    expect((await cli('template', 'action-plan', '--year', '2020', '--unit', 'socialn', '-o', out)).code).toBe(2);

    // The socialnämnd's plan: procurement in hemtjänst as Norr and as Syd answered it; Norr's own plan has
    // the same shared gap, and its evakuering.
    const rowsOf = async (unit: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(out, `atgardsplan-2020-${unit}.xlsx`));
      const ws = workbook.getWorksheet(actionSheetName)!;
      const rows: string[] = [];
      ws.eachRow((row, n) => { if (n > 1) rows.push(`${String(row.getCell(actionColumn('Fråga-id')).value)} ${String(row.getCell(actionColumn('Besvarad av')).value)}`); });
      expect(ws.getCell(2, actionColumn('Fråga-id')).protection?.locked).not.toBe(false);
      expect(ws.getCell(2, actionColumn('Åtgärd')).protection?.locked).toBe(false);
      return rows;
    };
    expect(await rowsOf('socialn')).toEqual(['upphandling_hemtjanst Norr', 'upphandling_hemtjanst Syd']);
    // in the order of the questions' titles: "Krisberedskap ska ingå vid upphandling" before "Plan för evakuering"
    expect(await rowsOf('norr')).toEqual(['upphandling_hemtjanst Norr', 'evakuering_hemtjanst Norr']);

    const plan = join(out, 'atgardsplan-2020-socialn.xlsx');
    await fill(plan, { 'upphandling_hemtjanst Norr': { Åtgärd: '=Nytt ramavtal med krav på krisberedskap', Ansvarig: 'Upphandlingschef', due: new Date('2021-06-30T00:00:00Z'), Status: 'Pågår' } });

    // The dry run lists what the follow-up needs – Syd's gap without an action – and writes nothing.
    const dry = await cli('import', 'action-plan', plan, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.text).toMatch(/rad 3, kolumn I \(Åtgärd\): ÖJ-brist utan åtgärd/);
    expect(dry.text).toContain('kontrollerad (--dry-run, inget skrivet)');
    const report = join(dir, 'rapport.md');
    expect((await cli('import', 'action-plan', plan, '--dry-run', '--report', report)).code).toBe(0);
    expect(readFileSync(report, 'utf8')).toMatch(/^# Kontroll av åtgärdsplan\n/);

    // All or nothing: a second file naming a question that is no gap of the socialnämnd stops both.
    const wrong = writeText(join(dir, 'fel.csv'), ['År;Nämnd;Fråga;Besvarad av;Åtgärd', '2020;Norr;Plan för evakuering – Särskilt boende för äldre;Syd;Öva'].join('\n'));
    const refused = await cli('import', 'action-plan', plan, wrong);
    expect(refused.code).toBe(1);
    const check = await Database.open(dbPath);
    try {
      expect(await check.all('select * from oj_action')).toEqual([]);
    } finally {
      check.close();
    }

    expect((await cli('import', 'action-plan', plan)).code).toBe(0);
    expect((await cli('import', 'action-plan', plan)).text).toMatch(/redan importerad/);
    const stored = await Database.open(dbPath);
    try {
      // stored as filled, the formula-like text back as typed
      expect(await stored.all(`select unit_id, answering_unit_id, indicator_id, action, owner, due_date::varchar as due_date, action_status from oj_action order by answering_unit_id`)).toEqual([
        { unit_id: 'socialn', answering_unit_id: 'norr', indicator_id: 'upphandling_hemtjanst', action: '=Nytt ramavtal med krav på krisberedskap', owner: 'Upphandlingschef', due_date: '2021-06-30', action_status: 'pagar' },
        { unit_id: 'socialn', answering_unit_id: 'syd', indicator_id: 'upphandling_hemtjanst', action: null, owner: null, due_date: null, action_status: null },
      ]);
      // each owner's row of the shared gap: the socialnämnd's has its action, Norr's own has none yet
      expect(await stored.all(`select unit_id, answering_unit_id, has_action from oj_action_plan where indicator_id = 'upphandling_hemtjanst' order by unit_id, answering_unit_id`)).toEqual([
        { unit_id: 'norr', answering_unit_id: 'norr', has_action: false },
        { unit_id: 'socialn', answering_unit_id: 'norr', has_action: true },
        { unit_id: 'socialn', answering_unit_id: 'syd', has_action: false },
        { unit_id: 'syd', answering_unit_id: 'syd', has_action: false },
      ]);
    } finally {
      stored.close();
    }

    // The page: every gap with its action or as without one (internal); counts only (public).
    const internal = (await dashboardData(dbPath, 'internal', ['namnd.tar.js'])).get('namnd/socialn.json')!;
    const count = (internal.counts as Row[]).find((c) => c.year === 2020)!;
    expect([count.n_oj_open, count.n_oj_with_action, count.n_oj_without_action, count.n_oj_action_done]).toEqual([2, 1, 1, 0]);
    expect((internal.actions as Row[]).map((a) => [a.answering_name, a.action])).toEqual([['Syd', null], ['Norr', '=Nytt ramavtal med krav på krisberedskap']]);
    const pub = await dashboardData(dbPath, 'public');
    const publicPage = pub.get('namnd/socialn.json')!;
    expect(publicPage.actions).toEqual([]);
    expect((publicPage.counts as Row[]).find((c) => c.year === 2020)).toMatchObject({ n_oj_with_action: 1, n_oj_without_action: 1 });
    for (const [file, data] of pub) expect({ file, leaks: JSON.stringify(data).includes('Upphandlingschef') || JSON.stringify(data).includes('ramavtal med krav') }).toEqual({ file, leaks: false });
  }, 600_000);
});
