import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOj } from '../oj/importOj.ts';
import { openTestDb, tempDir, writeText } from '../test/helpers.ts';
import { nextPeriod } from '../template/nextPeriod.ts';
import { lines, runMain } from './cliTesting.ts';

const ojCsv = [
  'ar;enhet;indikator;verksamhet;svar',
  '2024;Farsta;evakuering;sabo;Ja',
  '2024;Farsta;evakuering;hemtjanst;Nej',
  '2024;Farsta;varme;sabo;Ja',
  '2024;Bromma;evakuering;sabo;Nej',
  '2024;Göteborg;evakuering;sabo;Nej',
  '2023;Farsta;evakuering;sabo;Nej',
  '2023;Farsta;evakuering;hemtjanst;Nej',
].join('\n');

describe('beredskap report and export: names for --unit, the organisation and the latest year by default, Swedish labels', () => {
  // One database for these tests (tempDir would remove it after the first).
  let dir: string;
  let db: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'beredskap-report-'));
    db = join(dir, 'r.duckdb');
    expect((await runMain(['import', 'oj', writeText(join(dir, 'oj.csv'), ojCsv), '--db', db])).code).toBe(0);
    const self = writeText(join(dir, 'self.csv'), [
      'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast',
      '2024;T2;Farsta;B01;Ej uppfyllt;;Ta fram plan;Säkerhetssamordnare;2030-06-30',
      '2024;VB;Farsta;B01;Ej uppfyllt;;Ta fram plan;Säkerhetssamordnare;2030-06-30',
    ].join('\n'));
    expect((await runMain(['import', 'self-assessment', self, '--db', db])).code).toBe(0);
  }, 120_000);

  it('report gaps --unit takes the name and lists ÖJ and self-assessment gaps in words', async () => {
    const r = await runMain(['report', 'gaps', '--unit', 'Farsta', '--db', db]);
    expect(r.code).toBe(0);
    const [header, , ...rows] = lines(r.stdout);
    expect(header).toMatch(/^År\s+Period\s+Enhet\s+Underlag\s+Krav\s+Beskrivning\s+Svar eller status\s+Brist\s+Sedan år/);
    expect(rows.some((l) => /^2024\s+Farsta\s+ÖJ-svar\s+Plan för evakuering – Hemtjänst\s+Nej\s+Kvarstående\s+2023/.test(l))).toBe(true);
    expect(rows.some((l) => /^2024\s+Farsta\s+ÖJ-svar\s+Plan för evakuering – Särskilt\s.*Ja\s+Åtgärdad/.test(l))).toBe(true);
    expect(rows.some((l) => /^2024\s+verksamhetsberättelse\s+Farsta\s+Självskattning\s+B01\s.*Ej uppfyllt\s+Kvarstående\s+2024\s+Säkerhetssamordnare\s+2030-06-30\s+nej$/.test(l))).toBe(true);
    // the latest report of the year by default; T2 too with --all-periods
    expect(r.stdout).not.toMatch(/tertialrapport 2/);
    expect((await runMain(['report', 'gaps', '--unit', 'Farsta', '--all-periods', '--db', db])).stdout).toMatch(/^2024\s+tertialrapport 2\s+Farsta\s+Självskattning\s+B01\s.*Ej uppfyllt\s+Ny/m);
    // no stored code a person would not say: gap states, bases, ÖJ question ids, period codes
    expect(r.stdout).not.toMatch(/kvarstaende|atgardad|\boj\b|\bself\b|evakuering_|\bVB\b|2023\s+Farsta/);
  });

  it('report readiness: one line per unit of the organisation, the latest year unless asked, the fokusområden as columns with n; --long for every basis', async () => {
    const r = await runMain(['report', 'readiness', '--db', db]);
    expect(r.code).toBe(0);
    const [heading, header, , ...rows] = lines(r.stdout);
    expect(heading).toMatch(/^Andel uppfyllt 2024, ÖJ-svar och självskattning sammantaget/);
    expect(header).toMatch(/^Enhet\s+Beredskap\s+Säkerhetsskydd\s+Olycksförebyggande\s+Personsäkerhet$/);
    // Bromma has one ÖJ answer; Farsta its ÖJ cells and its VB (B01 ej uppfyllt, the rest left out)
    expect(rows[0]).toMatch(/^Bromma\s+– \(n=0\)\s+– \(n=0\)\s+0,0\s% \(n=1\*\)\s+– \(n=0\)$/);
    expect(rows[1]).toMatch(/^Farsta\s+0,0\s% \(n=11\)\s+0,0\s% \(n=4\*\)\s+33,3\s% \(n=3\*\)\s+0,0\s% \(n=4\*\)$/);
    expect(rows.at(-1)).toBe('* färre än fem tillämpliga poster: en post flyttar andelen mycket.');
    expect(Math.max(...lines(r.stdout).map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(r.stdout).not.toMatch(/Göteborg|^2023|combined|olycksforebyggande/m);

    const long = (await runMain(['report', 'readiness', '--long', '--db', db])).stdout;
    expect(long).toMatch(/^År\s+Enhet\s+Fokusområde\s+Underlag/);
    expect(long).toMatch(/2024\s+Farsta\s+Olycksförebyggande\s+ÖJ-svar\s+3\s+2\s/);
    expect(long).toMatch(/2024\s+Farsta\s+Beredskap\s+ÖJ och självskattning/);
    expect((await runMain(['report', 'readiness', '--all', '--unit', 'farsta', '--db', db])).stdout).toMatch(/^2023\s+Farsta/m);
    const csv = (await runMain(['report', 'readiness', '--long', '--unit', 'FARSTA', '--format', 'csv', '--db', db])).stdout;
    expect(csv.split('\r\n')[0]).toBe('År;Enhets-id;Enhet;Fokusområde;Underlag;Poster;Uppfyllda;Delvis;Ej uppfyllda;Pågår;Ej svar;Ej aktuella;Tillämpliga;Andel uppfyllt;Andel besvarat;Få poster;Krav där källorna säger olika;Programversion');
    const json = JSON.parse((await runMain(['report', 'goals', '--unit', 'Farsta', '--format', 'json', '--db', db])).stdout);
    // Farsta's four fokusområden in 2024, the shares of its readiness line above, each under the target: ej.
    expect(json.map((g: Record<string, unknown>) => [g.year, g.unit_id, g.fokusomrade, g.n_applicable, g.share_met, g.attainment])).toEqual([
      [2024, 'farsta', 'Beredskap', 11, 0, 'ej'], [2024, 'farsta', 'Säkerhetsskydd', 4, 0, 'ej'],
      [2024, 'farsta', 'Olycksförebyggande', 3, expect.closeTo(1 / 3, 10), 'ej'], [2024, 'farsta', 'Personsäkerhet', 4, 0, 'ej'],
    ]);
    // goals opens with the city's summary, nämnder and bolag apart
    expect(lines((await runMain(['report', 'goals', '--db', db])).stdout).slice(0, 3)).toEqual([
      'Samtliga fokusområden:',
      '2024 Nämnder, beräknad måluppfyllelse: 0 av 28 helt, 0 delvis, 2 ej, 26 utan uppgifter.',
      '2024 Bolag, beräknad måluppfyllelse: inga uppgifter.',
    ]);
  });

  it('an empty selection says which years there are; an empty export is exit 1 and writes nothing', async () => {
    // A year before any data (a later one than this year is refused as a usage error).
    const r = await runMain(['report', 'goals', '--year', '2019', '--db', db]);
    expect([r.code, lines(r.stdout)]).toEqual([0, ['Inga uppgifter för 2019. År med uppgifter: 2023–2024.']]);
    const e = await runMain(['export', '--year', '2019', '--format', 'xlsx', '-o', join(dir, 'tom.xlsx'), '--db', db]);
    expect([e.code, lines(e.stderr)]).toEqual([1, ['Inget exporterat: inga uppgifter för 2019. År med uppgifter: 2023–2024.']]);
    expect(readdirSync(dir)).not.toContain('tom.xlsx');
  });

  it('template with no more than --unit: the self-assessment for the next period due, in the current folder, saying what it chose', async () => {
    const folder = join(dir, 'mallar');
    mkdirSync(folder, { recursive: true });
    const r = await runMain(['template', '--unit', 'Farsta', '--db', db], { cwd: folder });
    const next = nextPeriod([{ period: 'T1', sort_order: 1, period_end: '04-30' }, { period: 'T2', sort_order: 2, period_end: '08-31' }, { period: 'VB', sort_order: 3, period_end: '12-31' }], new Date());
    const name = { T1: 'tertialrapport 1', T2: 'tertialrapport 2', VB: 'verksamhetsberättelse' }[next.period];
    expect([r.code, lines(r.stdout)]).toEqual([0, [`1 mall skriven för ${name} ${next.year}, nästa period att rapportera (välj en annan med --year och --period) i ${folder}.`]]);
    expect(readdirSync(folder)).toEqual([expect.stringMatching(new RegExp(`${next.year}.*farsta|farsta.*${next.year}`, 'i'))]);
    expect((await runMain(['template', '--period', 'T1', '--unit', 'Farsta', '--db', db])).code).toBe(2);
  });

  it('an unknown unit suggests the organisation\'s own units (exit 2)', async () => {
    const r = await runMain(['report', 'gaps', '--unit', 'Farstaa', '--db', db]);
    expect([r.code, lines(r.stderr)]).toEqual([2, ['okänd enhet "Farstaa" – menade du Farsta?', 'Se `beredskap help report`.']]);
    expect(lines((await runMain(['export', '--format', 'csv', '-o', join(dir, 'x.csv'), '--unit', 'Brома', '--db', db])).stderr)[0]).toMatch(/^okänd enhet "Brома"/);
  });

  it('export --unit takes a name; sources shows kinds in words', async () => {
    const out = join(dir, 'farsta.xlsx');
    expect((await runMain(['export', '--format', 'xlsx', '--unit', 'Farsta', '-o', out, '--db', db])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const units = new Set<string>();
    workbook.getWorksheet('Beredskap')!.eachRow((row, n) => n > 1 && units.add(String(row.getCell(3).value)));
    expect([...units]).toEqual(['Farsta']);
    expect(workbook.worksheets[0]!.name).toBe('Beredskap');
    // without --year the latest year, as report; --all every year
    const years = (book: ExcelJS.Workbook) => {
      const found = new Set<number>();
      book.getWorksheet('Beredskap')!.eachRow((row, n) => n > 1 && found.add(Number(row.getCell(1).value)));
      return [...found].sort();
    };
    expect(years(workbook)).toEqual([2024]);
    const all = join(dir, 'farsta-alla.xlsx');
    expect((await runMain(['export', '--format', 'xlsx', '--unit', 'Farsta', '--all', '-o', all, '--db', db])).code).toBe(0);
    const allBook = new ExcelJS.Workbook();
    await allBook.xlsx.readFile(all);
    expect(years(allBook)).toEqual([2023, 2024]);
    const sources = (await runMain(['sources', '--db', db])).stdout;
    expect(sources).toContain('ÖJ, långt format (CSV)');
    expect(sources).not.toMatch(/oj_csv|self_assessment/);
  });
});

describe('every output made from sample data says Exempeldata', () => {
  const root = tempDir();

  it('reports, sources, exports (xlsx and CSV) and templates', async () => {
    const dir = join(root, 's');
    mkdirSync(dir, { recursive: true });
    const dbFile = join(dir, 's.duckdb');
    const db = await openTestDb(dir, 's.duckdb');
    try {
      await importOj(db, [writeText(join(dir, 'oj.csv'), ojCsv)], { isSample: true });
    } finally {
      db.close();
    }
    expect(lines((await runMain(['report', 'readiness', '--db', dbFile])).stdout)[0]).toBe('Exempeldata: siffrorna är påhittade och visar bara hur verktyget fungerar.');
    const csvReport = await runMain(['report', 'readiness', '--format', 'csv', '--db', dbFile]);
    expect(csvReport.stdout.split('\n')[0]).toMatch(/^År;/);
    expect(csvReport.stderr).toContain('Exempeldata');
    expect((await runMain(['sources', '--db', dbFile])).stdout).toContain('Exempeldata');

    const xlsx = join(dir, 'e.xlsx');
    expect((await runMain(['export', '--format', 'xlsx', '-o', xlsx, '--db', dbFile])).stdout).toContain('Exempeldata');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets[0]!.name).toBe('Exempeldata');
    expect(String(workbook.worksheets[0]!.getCell('A1').value)).toMatch(/^Exempeldata: siffrorna är påhittade/);
    expect((await runMain(['export', '--format', 'csv', '-o', join(dir, 'e.csv'), '--db', dbFile])).code).toBe(0);
    expect(readFileSync(join(dir, 'e-brister.csv'), 'utf8')).toMatch(/^\uFEFFExempeldata: siffrorna är påhittade.*\r\nUnderlag;År;/);

    const t = await runMain(['template', 'self-assessment', '--year', '2025', '--period', 'T1', '--unit', 'Farsta', '-o', join(dir, 'mallar'), '--db', dbFile]);
    expect(lines(t.stdout)).toEqual(['Exempeldata: siffrorna är påhittade och visar bara hur verktyget fungerar.', `1 mall skriven i ${join(dir, 'mallar')}.`]);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(join(dir, 'mallar', readdirSync(join(dir, 'mallar'))[0]!));
    expect(String(template.getWorksheet('Instruktioner')!.getCell('A2').value)).toMatch(/^Exempeldata/);
  }, 120_000);
});
