import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { openTestDb, tempDir } from '../test/helpers.ts';
import { workbookGrids } from '../text/readWorkbook.ts';
import { resolveUnitArgument } from '../cli/unitArgument.ts';
import { CommandUsageError, runTemplate } from './commands.ts';
import { answerSheetName, instructionSheetName, judgementSheetName, templateColumn, templateColumns } from '../self/templateLayout.ts';
import { day, fillTemplate } from './testing.ts';
import { readTemplateInfo } from '../self/validateSelfAssessment.ts';

const stored = (db: Database, year: number, period: string) =>
  db.all(
    `select unit_id, requirement_id, status, raw_status, comment, planned_action, owner, due_date::varchar as due_date
     from self_assessment where year = $1 and period = $2 order by unit_id, requirement_id`,
    [year, period],
  );

// exceljs keeps a sheet's protection in a property its typings leave out.
const protectionOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { sheetProtection: unknown }).sheetProtection;

async function readBook(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('self-assessment template', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('writes one template per nämnd and bolag of the organisation on the last day of the period', async () => {
    db = await openTestDb(dir);
    // Every bolag in data/org/units.csv is Stockholms Stadshus AB or one of its subsidiaries.
    const expected = async (date: string) => (await db.all<{ unit_id: string }>(
      `select unit_id from org_unit where (parent_unit_id = 'stockholm' and kind in ('stadsdelsnamnd', 'facknamnd', 'kommunstyrelse') or kind = 'bolag')
       and (valid_from is null or valid_from <= $1::date) and (valid_to is null or $1::date <= valid_to)`, [date],
    )).map((u) => `sjalvskattning-2023-${date.endsWith('04-30') ? 'T1' : 'VB'}-${u.unit_id}.xlsx`).sort();
    const t1 = await runTemplate(db, { year: 2023, period: 'T1', all: true, outDir: join(dir, 't1') });
    expect(t1.map((p) => p.split('/').at(-1)).sort()).toEqual(await expected('2023-04-30'));
    expect(t1.some((p) => p.endsWith('-rinkeby-kista.xlsx'))).toBe(true);
    expect(t1.some((p) => p.endsWith('-jarva.xlsx'))).toBe(false);
    expect(t1.some((p) => p.endsWith('-svenska-bostader.xlsx'))).toBe(true);
    // Järva replaced Rinkeby-Kista and Spånga-Tensta on 1 July 2023: the VB templates follow.
    const vb = await runTemplate(db, { year: 2023, period: 'Verksamhetsberättelse', outDir: join(dir, 'vb') });
    expect(vb.map((p) => p.split('/').at(-1)).sort()).toEqual(await expected('2023-12-31'));
    expect(vb.some((p) => p.endsWith('-jarva.xlsx'))).toBe(true);
    expect(vb.some((p) => p.endsWith('-rinkeby-kista.xlsx'))).toBe(false);
  });

  it('chooses one nämnd by id or by name, and refuses what is not a nämnd then', async () => {
    db = await openTestDb(dir);
    expect(await runTemplate(db, { year: 2025, period: 'T1', unit: 'farsta', outDir: dir })).toEqual([join(dir, 'sjalvskattning-2025-T1-farsta.xlsx')]);
    expect(await runTemplate(db, { year: 2025, period: 'T2', unit: (await resolveUnitArgument(db, 'Farsta stadsdelsnämnd', 2025)).unitId, outDir: dir })).toEqual([join(dir, 'sjalvskattning-2025-T2-farsta.xlsx')]);
    await expect(runTemplate(db, { year: 2025, period: 'T1', unit: 'rinkeby-kista', outDir: dir })).rejects.toThrow(CommandUsageError);
    await expect(runTemplate(db, { year: 2025, period: 'T1', unit: 'riket', outDir: dir })).rejects.toThrow(/ingen av organisationens nämnder/);
    await expect(runTemplate(db, { year: 2025, period: 'T4', unit: 'farsta', outDir: dir })).rejects.toThrow(/okänd period "T4"/);
    await expect(runTemplate(db, { year: 2025, period: 'T1', unit: 'farsta', all: true, outDir: dir })).rejects.toThrow(CommandUsageError);
  });

  it('has instructions, one locked row per requirement in force, a status dropdown, a date check, a frozen header', async () => {
    db = await openTestDb(dir);
    const [path] = await runTemplate(db, { year: 2025, period: 'T1', unit: 'farsta', outDir: dir });
    const workbook = await readBook(path!);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([instructionSheetName, answerSheetName, judgementSheetName]);

    const info = workbook.getWorksheet(instructionSheetName)!;
    expect(String(info.getCell('A1').value)).toBe('Självskattning enligt säkerhetsprogrammet – Farsta, 2025 tertialrapport 1 (per 30 april)');
    const instructions: string[] = [];
    info.eachRow((row) => instructions.push(row.values!.toString()));
    expect(instructions.join('\n')).toMatch(/Ej uppfyllt ska alltid ha en åtgärd/);
    expect(instructions.join('\n')).toMatch(/ingen tidigare rapport/);
    expect(readTemplateInfo(await workbookGrids(readFileSync(path!), 'f.xlsx'))).toEqual({ unitId: 'farsta', unitName: 'Farsta', year: 2025, period: 'T1' });
    expect(protectionOf(info)).toMatchObject({ sheet: true });

    const ws = workbook.getWorksheet(answerSheetName)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...templateColumns.map((c) => c.header)]);
    // Every requirement of 2025 applies to a stadsdelsnämnd (data/requirement_applicability.csv).
    const inForce = await db.all<{ requirement_id: string }>(
      "select requirement_id from requirement where 2025 between since_year and coalesce(until_year, 9999)");
    expect(ws.rowCount).toBe(1 + inForce.length);
    const ids = ws.getColumn(templateColumn('Krav')).values.slice(2);
    expect([...ids].sort()).toEqual(inForce.map((r) => r.requirement_id).sort());
    expect(ws.getRow(2).values).toEqual([undefined, 2025, 'T1', 'Farsta', 'B01', 'Beredskap', 'Aktuell risk- och sårbarhetsanalys (RSA)']);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(protectionOf(ws)).toMatchObject({ sheet: true, formatColumns: true, autoFilter: true });
    expect(ws.getColumn(templateColumn('Kravtext')).width).toBeGreaterThan(40);
    for (const c of templateColumns) {
      const cell = ws.getCell(2, templateColumn(c.header));
      expect([c.header, cell.protection?.locked !== false]).toEqual([c.header, !c.input]);
    }
    expect(ws.getCell(1, templateColumn('Status')).protection?.locked).not.toBe(false);
    expect(ws.getCell(2, templateColumn('Kravtext')).alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell(2, templateColumn('Status')).dataValidation).toMatchObject({
      type: 'list', formulae: ['"Uppfyllt,Delvis uppfyllt,Ej uppfyllt,Ej aktuellt"'], showErrorMessage: true,
    });
    expect(ws.getCell(inForce.length + 1, templateColumn('Klart senast')).dataValidation).toMatchObject({ type: 'date', showErrorMessage: true });
    expect(ws.getCell(2, templateColumn('Klart senast')).numFmt).toBe('yyyy-mm-dd');
    // The import's limit on free texts, checked as they are typed, and said in the instructions.
    for (const header of ['Kommentar', 'Åtgärd', 'Ansvarig'] as const) {
      expect(ws.getCell(inForce.length + 1, templateColumn(header)).dataValidation).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [4000] });
    }
    expect(instructions.join('\n')).toMatch(/högst 4\s000 tecken/);

    // Nämndens bedömning: one row per fokusområde, a Helt/Delvis/Ej list, only judgement and motivering open.
    const judged = workbook.getWorksheet(judgementSheetName)!;
    expect(judged.getRow(1).values).toEqual([undefined, 'År', 'Period', 'Nämnd', 'Fokusområde', 'Nämndens bedömning', 'Motivering']);
    expect(judged.getColumn(4).values.slice(2)).toEqual(['Beredskap', 'Säkerhetsskydd', 'Olycksförebyggande', 'Personsäkerhet']);
    expect(judged.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Helt,Delvis,Ej"'] });
    expect(judged.getCell('F5').dataValidation).toMatchObject({ type: 'textLength', formulae: [4000] });
    expect([judged.getCell('D2').protection?.locked, judged.getCell('E2').protection?.locked]).toEqual([undefined, false]);
  });

  it('lists only the requirements that apply to the unit: Trafiknämnden is not asked about socialtjänst', async () => {
    db = await openTestDb(dir);
    const [path] = await runTemplate(db, { year: 2025, period: 'T1', unit: 'trafiknamnden', outDir: dir });
    const ids = (await readBook(path!)).getWorksheet(answerSheetName)!.getColumn(templateColumn('Krav')).values.slice(2) as string[];
    expect(ids).toContain('B01');
    expect(ids).toContain('B09');
    for (const id of ['B07', 'B10', 'O02', 'O03']) expect(ids).not.toContain(id);
  });

  it('round trip: generated, filled in as a person does, imported unedited, stored as filled', async () => {
    db = await openTestDb(dir);
    const [path] = await runTemplate(db, { year: 2025, period: 'T1', unit: 'farsta', outDir: dir });
    await fillTemplate(path!, {
      B01: { status: 'Uppfyllt' },
      B03: { status: 'Delvis uppfyllt', comment: 'Planen revideras\nefter övningen', action: 'Revidera krisledningsplanen', owner: 'Säkerhetssamordnare', due: day('2025-09-30') },
      B04: { status: 'Ej uppfyllt', action: 'Övning med krisledningen', owner: 'Förvaltningschef', due: day('2025-11-30') },
      S01: { status: 'Ej aktuellt', comment: 'Ingen säkerhetskänslig verksamhet' },
    });
    const book = await readBook(path!);
    book.getWorksheet(judgementSheetName)!.getCell('E2').value = 'Delvis';
    book.getWorksheet(judgementSheetName)!.getCell('F2').value = 'Krisledningen är inte övad';
    await book.xlsx.writeFile(path!);
    const [report] = await importSelfAssessment(db, [path!]);
    expect(report).toMatchObject({ status: 'imported', years: [2025], rowsStored: 23 });
    expect(await db.all('select unit_id, goal, judgement, motivering from unit_judgement')).toEqual([
      { unit_id: 'farsta', goal: 'beredskap', judgement: 'delvis', motivering: 'Krisledningen är inte övad' },
    ]);
    // The next period's template starts from that judgement, to update rather than retype.
    const [next] = await runTemplate(db, { year: 2025, period: 'T2', unit: 'farsta', outDir: join(dir, 't2') });
    const judged = (await readBook(next!)).getWorksheet(judgementSheetName)!;
    expect([judged.getCell('E2').value, judged.getCell('F2').value, judged.getCell('E3').value]).toEqual(['Delvis', 'Krisledningen är inte övad', null]);
    const rows = await stored(db, 2025, 'T1');
    const filled = rows.filter((r) => r.status !== 'ej_svar');
    expect(filled).toEqual([
      { unit_id: 'farsta', requirement_id: 'B01', status: 'uppfyllt', raw_status: 'Uppfyllt', comment: null, planned_action: null, owner: null, due_date: null },
      { unit_id: 'farsta', requirement_id: 'B03', status: 'delvis', raw_status: 'Delvis uppfyllt', comment: 'Planen revideras\nefter övningen', planned_action: 'Revidera krisledningsplanen', owner: 'Säkerhetssamordnare', due_date: '2025-09-30' },
      { unit_id: 'farsta', requirement_id: 'B04', status: 'ej_uppfyllt', raw_status: 'Ej uppfyllt', comment: null, planned_action: 'Övning med krisledningen', owner: 'Förvaltningschef', due_date: '2025-11-30' },
      { unit_id: 'farsta', requirement_id: 'S01', status: 'ej_aktuellt', raw_status: 'Ej aktuellt', comment: 'Ingen säkerhetskänslig verksamhet', planned_action: null, owner: null, due_date: null },
    ]);
    // What the nämnd left blank is stored as unanswered (a gap), never as met.
    expect(rows.filter((r) => r.status === 'ej_svar')).toHaveLength(18);
    expect(rows.every((r) => r.status !== 'ej_svar' || (r.raw_status === '' && r.comment === null))).toBe(true);
  });

  it("prefills the nämnd's own latest earlier report, so that an unchanged template repeats it", async () => {
    db = await openTestDb(dir);
    const answersOf = async (unit: string, year: number, period: string, answers: Parameters<typeof fillTemplate>[1]) => {
      const [path] = await runTemplate(db, { year, period, unit, outDir: join(dir, `${year}${period}`) });
      await importSelfAssessment(db, [await fillTemplate(path!, answers)]);
    };
    await answersOf('farsta', 2024, 'T2', { B01: { status: 'Ej uppfyllt', action: 'Ny RSA' } });
    await answersOf('farsta', 2024, 'VB', {
      B01: { status: 'Uppfyllt', comment: 'RSA antagen i november' },
      B02: { status: 'Delvis uppfyllt', comment: '-1 åtgärd kvar', action: 'Komplettera handlingsplanen', owner: 'Säkerhetssamordnare', due: day('2025-03-31') },
      P04: { status: 'Ej aktuellt' },
    });
    // Another nämnd's report of the same period is not Farsta's.
    await answersOf('bromma', 2024, 'VB', { B01: { status: 'Ej uppfyllt', action: 'Bromma' } });

    const [path] = await runTemplate(db, { year: 2025, period: 'T1', unit: 'farsta', outDir: dir });
    const ws = (await readBook(path!)).getWorksheet(answerSheetName)!;
    const row = (id: string) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(templateColumn('Krav')).value === id)!;
    // Text a spreadsheet would take for a formula is neutralised, as in every workbook we write.
    expect(row('B02').values).toEqual([undefined, 2025, 'T1', 'Farsta', 'B02', 'Beredskap', 'Handlingsplan för de största riskerna i verksamhetsplanen',
      'Delvis uppfyllt', "'-1 åtgärd kvar", 'Komplettera handlingsplanen', 'Säkerhetssamordnare', day('2025-03-31')]);
    expect(row('B01').getCell(templateColumn('Status')).value).toBe('Uppfyllt');
    expect(row('B03').getCell(templateColumn('Status')).value).toBe(null);
    const instructions = (await readBook(path!)).getWorksheet(instructionSheetName)!;
    const text: string[] = [];
    instructions.eachRow((r) => text.push(r.values!.toString()));
    // The counts of that report, as every page and report gives them (unit_period_count): 21 requirements
    // apply (P04 ej aktuellt), B01 is met, B02 delvis (due after the period), the 19 left out unanswered.
    expect(text.join('\n')).toMatch(/förra rapporten \(verksamhetsberättelse 2024\) är redan ifyllda.* I den rapporten var 20 av 21 krav inte uppfyllda, varav 0 försenade vid periodens slut\./);

    // A report under the previous programme version answered other requirements: nothing to prefill.
    await answersOf('farsta', 2023, 'VB', { K01: { status: 'Uppfyllt' } });
    const [path2024] = await runTemplate(db, { year: 2024, period: 'T1', unit: 'farsta', outDir: dir });
    const inForce2024 = ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'S01', 'S02', 'S03', 'S04', 'O01', 'O02', 'O03', 'P01', 'P02', 'P03', 'P04'];
    const book2024 = await readBook(path2024!);
    const lines2024: string[] = [];
    book2024.getWorksheet(instructionSheetName)!.eachRow((r) => lines2024.push(r.values!.toString()));
    expect(lines2024.join('\n')).toMatch(/förra rapport \(verksamhetsberättelse 2023\) gällde andra krav/);
    expect(book2024.getWorksheet(answerSheetName)!.getColumn(templateColumn('Status')).values.slice(2).filter(Boolean)).toEqual([]);
    // Every one of the 22 requirements of 2024 has its row, none prefilled (an empty sheet would pass the line above).
    const answers2024 = book2024.getWorksheet(answerSheetName)!;
    expect((answers2024.getRows(2, answers2024.rowCount - 1) ?? []).map((r) => [r.getCell(templateColumn('Krav')).value, r.getCell(templateColumn('Status')).value]))
      .toEqual(inForce2024.map((id) => [id, null]));

    await importSelfAssessment(db, [path!]);
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ raw_status: _raw, ...r }) => r);
    expect(strip(await stored(db, 2025, 'T1'))).toEqual(strip((await stored(db, 2024, 'VB')).filter((r) => r.unit_id === 'farsta')));
  });
});
