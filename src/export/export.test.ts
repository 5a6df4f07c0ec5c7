import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { openTestDb, tempDir, writeText } from '../test/helpers.ts';
import { neutralizeFormula, toCsv } from '../present/csv.js';
import { CommandUsageError, runTemplate } from '../template/commands.ts';
import { runExport } from './runExport.ts';
import { day, fillTemplate } from '../template/testing.ts';
import { xlsxValue } from '../text/xlsxTable.ts';

const link = '=HYPERLINK("http://x","klicka")';

/**
 * ÖJ answers of Farsta, Bromma, the kommun and Göteborg, and Farsta's 2024 VB self-assessment made with
 * the template, whose comments, actions and owners try formula injection. Bromma's name tries it too.
 */
async function exportDb(dir: string): Promise<Database> {
  const db = await openTestDb(dir);
  const oj = writeText(join(dir, 'oj.csv'), [
    'ar;enhet;indikator;verksamhet;svar',
    '2024;Farsta;evakuering;sabo;Ja',
    '2024;Farsta;evakuering;hemtjanst;Nej',
    '2024;Farsta;varme;sabo;Ja',
    '2024;Bromma;evakuering;sabo;Nej',
    '2023;Farsta;evakuering;sabo;Nej',
    '2024;0180;evakuering;sabo;Ja',
    '2024;1480;evakuering;sabo;Nej',
  ].join('\n'));
  await importOj(db, [oj]);
  const [template] = await runTemplate(db, { year: 2024, period: 'VB', unit: 'farsta', outDir: dir });
  const ids = ['B01', 'B02', 'B05', 'B06', 'B07', 'B08', 'S01', 'S02', 'S03', 'O01', 'O02', 'O03', 'P01', 'P02', 'P03', 'P04'];
  await importSelfAssessment(db, [await fillTemplate(template!, {
    ...Object.fromEntries(ids.map((id) => [id, { status: 'Uppfyllt' }])),
    B03: { status: 'Delvis uppfyllt', comment: link, action: '-1 tjänst vakant', owner: '+46 8 508 000 00', due: day('2024-09-30') },
    B04: { status: 'Ej uppfyllt', comment: '@SUM(A1)', action: 'Övning', owner: '=1+1', due: day('2025-03-31') },
  })]);
  await db.run(`update org_unit set name = '=HYPERLINK("http://x")' where unit_id = 'bromma'`);
  return db;
}

async function readBook(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** A sheet's rows as objects keyed by its header, and the cells themselves for their formats. */
function sheetRows(ws: ExcelJS.Worksheet) {
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  return (ws.getRows(2, Math.max(ws.rowCount - 1, 0)) ?? []).map((r) => ({
    values: Object.fromEntries(headers.map((h, i) => [h, r.getCell(i + 1).value ?? null])) as Record<string, unknown>,
    cell: (header: string) => r.getCell(headers.indexOf(header) + 1),
  }));
}

describe('beredskap export', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('xlsx: six sheets, Swedish headers, numbers as numbers, percentages, frozen header, auto filter, no live formula', async () => {
    db = await exportDb(dir);
    const out = join(dir, 'export.xlsx');
    expect(await runExport(db, { year: 2024, format: 'xlsx', out })).toEqual([out]);
    const workbook = await readBook(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Beredskap', 'Enheter', 'Tidsfrister', 'Åtgärdsplan', 'Brister', 'Måluppfyllelse', 'Jämförelse', 'Källor']);
    for (const ws of workbook.worksheets) {
      expect([ws.name, ws.views[0]]).toMatchObject([ws.name, { state: 'frozen', ySplit: 1 }]);
      expect([ws.name, ws.autoFilter]).toEqual([ws.name, `A1:${ws.getColumn(ws.columnCount).letter}1`]);
      expect(ws.getRow(1).font).toMatchObject({ bold: true });
      ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
      }));
    }

    const readiness = sheetRows(workbook.getWorksheet('Beredskap')!);
    expect((workbook.getWorksheet('Beredskap')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'År', 'Enhets-id', 'Enhet', 'Fokusområde', 'Underlag', 'Poster', 'Uppfyllda', 'Delvis', 'Ej uppfyllda', 'Pågår', 'Ej svar',
      'Ej aktuella', 'Tillämpliga', 'Andel uppfyllt', 'Andel besvarat', 'Få poster', 'Krav där källorna säger olika', 'Programversion',
    ]);
    // The organisation and its nämnder only: Göteborg's answer is in the database, not in Stockholm's export.
    expect(new Set(readiness.map((r) => r.values['Enhets-id']))).toEqual(new Set(['stockholm', 'farsta', 'bromma']));
    const farstaOj = readiness.find((r) => r.values['Enhets-id'] === 'farsta' && r.values.Underlag === 'ÖJ-svar' && r.values.Fokusområde === 'Olycksförebyggande')!;
    expect(farstaOj.values).toMatchObject({ År: 2024, Enhet: 'Farsta', Poster: 3, Uppfyllda: 2, 'Ej uppfyllda': 1, 'Andel besvarat': 1, 'Få poster': 'ja' });
    // a programme by its name, never its id
    expect(farstaOj.values.Programversion).toMatch(/^Säkerhetsprogram/);
    expect(farstaOj.values['Andel uppfyllt']).toBeCloseTo(2 / 3, 10);
    expect(farstaOj.cell('Andel uppfyllt').numFmt).toBe('0.0%');
    const noData = readiness.find((r) => r.values['Enhets-id'] === 'farsta' && r.values.Underlag === 'ÖJ-svar' && r.values.Fokusområde === 'Personsäkerhet')!;
    expect(noData.values).toMatchObject({ Poster: 0, 'Andel uppfyllt': null });
    expect(readiness.find((r) => r.values['Enhets-id'] === 'bromma')!.values.Enhet).toBe(`'=HYPERLINK("http://x")`);

    // The counts every page shows: 22 requirements apply; B03 and B04 not met, B09–B11 and S04 left out
    // (unanswered); B03 was due 30 September, before the VB's period ended. ÖJ: Farsta's one Nej.
    const units = sheetRows(workbook.getWorksheet('Enheter')!);
    expect(units.find((r) => r.values['Enhets-id'] === 'farsta')!.values).toMatchObject({
      År: 2024, Enhet: 'Farsta', Enheter: 'Nämnder', 'Senaste rapport': 'verksamhetsberättelse', 'Tillämpliga krav': 22, 'Öppna krav': 6,
      'Försenade vid periodens slut': 1, 'ÖJ-frågor besvarade': 3, 'ÖJ-frågor enheten ansvarar för': 3, 'ÖJ-brister enheten ansvarar för': 1, 'Nya ÖJ-brister': 1,
    });
    const gaps = sheetRows(workbook.getWorksheet('Brister')!);
    const b03 = gaps.find((r) => r.values['Indikator eller krav'] === 'B03')!;
    expect(b03.values).toMatchObject({
      Underlag: 'Självskattning', År: 2024, Period: 'verksamhetsberättelse', Enhet: 'Farsta', Fokusområde: 'Beredskap', 'Svar eller status': 'Delvis uppfyllt',
      Brist: 'Ny', Kommentar: `'${link}`, Åtgärd: "'-1 tjänst vakant", Ansvarig: "'+46 8 508 000 00", 'Försenad vid periodens slut': 'ja',
    });
    expect(b03.values['Klart senast']).toEqual(day('2024-09-30'));
    expect(b03.cell('Klart senast').numFmt).toBe('yyyy-mm-dd');
    // B04 is due 31 March 2025: not försenad in the report for 2024, whatever day it is read
    expect(gaps.find((r) => r.values['Indikator eller krav'] === 'B04')!.values).toMatchObject({ Kommentar: "'@SUM(A1)", Ansvarig: "'=1+1", 'Svar eller status': 'Ej uppfyllt', 'Försenad vid periodens slut': 'nej' });
    expect(gaps.filter((r) => r.values.Underlag === 'Självskattning' && r.values['Enhets-id'] === 'farsta' && r.values.Brist !== 'Åtgärdad').length).toBe(6);
    expect(gaps.find((r) => r.values.Underlag === 'ÖJ-svar' && r.values['Enhets-id'] === 'bromma')!.values).toMatchObject({ Enhet: `'=HYPERLINK("http://x")`, 'Svar eller status': 'Nej', Brist: 'Ny' });
    expect(gaps.some((r) => r.values['Indikator eller krav'] === 'B01')).toBe(false);

    const goals = sheetRows(workbook.getWorksheet('Måluppfyllelse')!);
    // One row per fokusområde for each of the 28 nämnder and 13 bolag in force on 31 December 2024.
    expect(goals).toHaveLength(41 * 4);
    // Farsta's VB, by hand: beredskap B01, B02, B05–B08 met of B01–B11 (6 of 11: more than 20 points under
    // the target 0.9, ej); säkerhetsskydd S01–S03 met, S04 left out (0.75: within 20 points, delvis);
    // olycksförebyggande O01–O03 and personsäkerhet P01–P04 all met (helt).
    expect(goals.filter((g) => g.values['Enhets-id'] === 'farsta').map((g) => [g.values.Fokusområde, g.values['Beräknad andel uppfyllt'], g.values['Tillämpliga poster'], g.values['Beräknad måluppfyllelse']])).toEqual([
      ['Beredskap', expect.closeTo(6 / 11, 10), 11, 'Ej'], ['Säkerhetsskydd', 0.75, 4, 'Delvis'], ['Olycksförebyggande', 1, 3, 'Helt'], ['Personsäkerhet', 1, 4, 'Helt'],
    ]);
    expect(typeof goals[0]!.values.Mål).toBe('number');
    expect(goals[0]!.cell('Mål').numFmt).toBe('0.0%');
    // The unit's own judgement and the computed share are two columns with two names.
    expect(Object.keys(goals[0]!.values)).toEqual(expect.arrayContaining(['Nämndens bedömning', 'Motivering', 'Beräknad andel uppfyllt', 'Beräknad måluppfyllelse']));
    expect(Object.keys(goals[0]!.values)).not.toContain('Utfall');
    const comparison = sheetRows(workbook.getWorksheet('Jämförelse')!);
    expect(comparison.find((r) => r.values.Jämförelse === 'Stadsdelsnämnderna sammantaget' && r.values.Indikator === 'evakuering_sabo')!.values).toMatchObject({
      'Andel Ja': 0.5, 'Räknat över': 'stadsdelsnämnderna sammantaget',
    });
    // Each row says what its share counts; a kommungrupp says which edition of SKR's indelning it follows.
    expect(comparison.find((r) => r.values['Enhets-id'] === 'riket')!.values['Räknat över']).toBe('kommunerna sammantaget');
    expect(comparison.find((r) => r.values['Enhets-id'] === 'kommungrupp-a1' && r.values.År === 2024)!.values).toMatchObject({ 'Räknat över': 'kommunerna sammantaget', Kommungruppsindelning: '2023' });
    const sources = sheetRows(workbook.getWorksheet('Källor')!);
    expect(sources.map((r) => [r.values.Slag, r.values.Fil, r.values.År])).toEqual([
      ['ÖJ, långt format (CSV)', 'oj.csv', '2023, 2024'],
      ['Självskattning', 'sjalvskattning-2024-VB-farsta.xlsx', '2024'],
    ]);
    expect(sources[0]!.values.Importerad).toBeInstanceOf(Date);
  });

  it('filters by unit; without a year it exports the latest one, with allYears every year', async () => {
    db = await exportDb(dir);
    const out = join(dir, 'farsta.xlsx');
    await runExport(db, { format: 'xlsx', unit: 'farsta', out });
    expect(new Set(sheetRows((await readBook(out)).getWorksheet('Beredskap')!).map((r) => r.values.År))).toEqual(new Set([2024]));
    await runExport(db, { format: 'xlsx', unit: 'farsta', allYears: true, out });
    const workbook = await readBook(out);
    for (const name of ['Beredskap', 'Enheter', 'Brister', 'Måluppfyllelse']) {
      const rows = sheetRows(workbook.getWorksheet(name)!);
      expect([name, new Set(rows.map((r) => r.values['Enhets-id']))]).toEqual([name, new Set(['farsta'])]);
    }
    expect(new Set(sheetRows(workbook.getWorksheet('Beredskap')!).map((r) => r.values.År))).toEqual(new Set([2023, 2024]));
    expect(sheetRows(workbook.getWorksheet('Jämförelse')!).some((r) => r.values.Jämförelse === 'Kommunen')).toBe(true);
    await expect(runExport(db, { format: 'xlsx', unit: 'ingenstans', out })).rejects.toThrow(CommandUsageError);
    await expect(runExport(db, { format: 'pdf', out })).rejects.toThrow(CommandUsageError);
    await expect(runExport(db, { format: 'xlsx', delimiter: ',', out })).rejects.toThrow(/--delimiter gäller bara --format csv/);
    await expect(runExport(db, { format: 'csv', delimiter: '|', out })).rejects.toThrow(CommandUsageError);
  });

  it('csv: one file per sheet, UTF-8 with BOM, `;` and decimal comma by default, `,` on request, text neutralised', async () => {
    db = await exportDb(dir);
    const out = join(dir, 'beredskap.csv');
    const files = await runExport(db, { year: 2024, format: 'csv', out });
    expect(files).toEqual(['', '-enheter', '-tidsfrister', '-atgardsplan', '-brister', '-maluppfyllelse', '-jamforelse', '-kallor'].map((s) => join(dir, `beredskap${s}.csv`)));
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('År;Enhets-id;Enhet;Fokusområde;Underlag;Poster;Uppfyllda;Delvis;Ej uppfyllda;Pågår;Ej svar;Ej aktuella;Tillämpliga;Andel uppfyllt;Andel besvarat;Få poster;Krav där källorna säger olika;Programversion');
    expect(text).toMatch(/\r\n2024;farsta;Farsta;Olycksförebyggande;ÖJ-svar;3;2;0;1;0;0;0;3;0,6667;1;ja;0;Säkerhetsprogram[^;\r\n]*\r\n/);
    expect(text).toMatch(/\r\n2024;bromma;"'=HYPERLINK\(""http:\/\/x""\)";Olycksförebyggande;ÖJ-svar;1;0;0;1;0;0;0;1;0;1;ja;0;Säkerhetsprogram/);

    const gaps = parse(readFileSync(files.find((f) => f.endsWith('-brister.csv'))!, 'utf8').slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    const b03 = gaps.find((r) => r['Indikator eller krav'] === 'B03')!;
    expect(b03).toMatchObject({ Kommentar: `'${link}`, Åtgärd: "'-1 tjänst vakant", Ansvarig: "'+46 8 508 000 00", 'Klart senast': '2024-09-30', 'Försenad vid periodens slut': 'ja' });
    expect(gaps.find((r) => r['Indikator eller krav'] === 'B04')).toMatchObject({ Kommentar: "'@SUM(A1)", Ansvarig: "'=1+1" });
    for (const file of files) {
      const rows = parse(readFileSync(file, 'utf8').slice(1), { delimiter: ';' }) as string[][];
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    }

    const comma = join(dir, 'komma.csv');
    await runExport(db, { year: 2024, format: 'csv', out: comma, delimiter: ',' });
    const commaText = readFileSync(comma, 'utf8');
    expect(commaText.startsWith('\ufeffÅr,Enhets-id,Enhet,')).toBe(true);
    expect(commaText).toMatch(/\r\n2024,farsta,Farsta,Olycksförebyggande,ÖJ-svar,3,2,0,1,0,0,0,3,0.6667,1,ja,0,Säkerhetsprogram/);
  });

  it('one rule for every cell: =, +, -, @, tab and carriage return are neutralised, numbers are not', () => {
    for (const evil of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralizeFormula(evil)).toBe(`'${evil}`);
      expect(xlsxValue('text', evil)).toBe(`'${evil}`);
    }
    expect(neutralizeFormula('Farsta')).toBe('Farsta');
    expect(xlsxValue('integer', -1)).toBe(-1);
    // The dashboard's downloads call toCsv as before: no BOM, decimal point, same neutralisation.
    expect(toCsv(['a', 'b'], [['-1', -1.5], ['@x', null]])).toBe("a;b\r\n'-1;-1.5\r\n'@x;\r\n");
    expect(toCsv(['a'], [[0.5]], ';', { bom: true, decimalSeparator: ',' })).toBe('\ufeffa\r\n0,5\r\n');
  });
});
