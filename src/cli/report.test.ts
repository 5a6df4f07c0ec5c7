import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOj } from '../oj/importOj.ts';
import { openTestDb, tempDir, writeText } from '../test/helpers.ts';
import { lines, runCli } from './cliTesting.ts';

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
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'beredskap-report-'));
    db = join(dir, 'r.duckdb');
    expect(runCli(['import', 'oj', writeText(join(dir, 'oj.csv'), ojCsv), '--db', db]).code).toBe(0);
    const self = writeText(join(dir, 'self.csv'), 'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast\n2024;VB;Farsta;B01;Ej uppfyllt;;Ta fram plan;Säkerhetssamordnare;2030-06-30\n');
    expect(runCli(['import', 'self-assessment', self, '--db', db]).code).toBe(0);
  }, 120_000);

  it('report gaps --unit takes the name and lists ÖJ and self-assessment gaps in words', () => {
    const r = runCli(['report', 'gaps', '--unit', 'Farsta', '--db', db]);
    expect(r.code).toBe(0);
    const [header, , ...rows] = lines(r.stdout);
    expect(header).toMatch(/^År\s+Period\s+Enhet\s+Underlag\s+Indikator eller krav\s+Beskrivning\s+Svar eller status\s+Brist\s+Sedan år/);
    expect(rows.some((l) => /^2024\s+Farsta\s+ÖJ-svar\s+evakuering_hemtjanst\s+Plan för evakuering – Hemtjänst\s+Nej\s+Kvarstående\s+2023/.test(l))).toBe(true);
    expect(rows.some((l) => /^2024\s+Farsta\s+ÖJ-svar\s+evakuering_sabo\s.*Ja\s+Åtgärdad/.test(l))).toBe(true);
    expect(rows.some((l) => /^2024\s+verksamhetsberättelse\s+Farsta\s+Självskattning\s+B01\s.*Ej uppfyllt\s+Ny\s+2024\s+Säkerhetssamordnare\s+2030-06-30\s+nej$/.test(l))).toBe(true);
    expect(r.stdout).not.toMatch(/kvarstaende|atgardad|\boj\b|\bself\b|2023\s+Farsta/);
  });

  it('report readiness: the organisation\'s units and the latest year unless asked, labels not codes', () => {
    const r = runCli(['report', 'readiness', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^År\s+Enhet\s+Fokusområde\s+Underlag/);
    expect(r.stdout).toMatch(/2024\s+Farsta\s+Olycksförebyggande\s+ÖJ-svar\s+3\s+2\s/);
    expect(r.stdout).toMatch(/2024\s+Farsta\s+Beredskap\s+ÖJ och självskattning/);
    expect(r.stdout).not.toMatch(/Göteborg|^2023|combined|olycksforebyggande/m);
    expect(runCli(['report', 'readiness', '--all', '--unit', 'farsta', '--db', db]).stdout).toMatch(/^2023\s+Farsta/m);
    const csv = runCli(['report', 'readiness', '--unit', 'FARSTA', '--format', 'csv', '--db', db]).stdout;
    expect(csv.split('\r\n')[0]).toBe('År;Enhets-id;Enhet;Fokusområde;Underlag;Poster;Uppfyllda;Delvis;Ej uppfyllda;Pågår;Ej svar;Ej aktuella;Tillämpliga;Andel uppfyllt;Andel besvarat;Få poster;Krav där källorna säger olika;Programversion');
    const json = JSON.parse(runCli(['report', 'goals', '--unit', 'Farsta', '--format', 'json', '--db', db]).stdout);
    expect(json.every((g: { year: number; unit_id: string }) => g.year === 2024 && g.unit_id === 'farsta')).toBe(true);
  });

  it('an empty selection says which years there are; an empty export is exit 1 and writes nothing', () => {
    // A year before any data (a later one than this year is refused as a usage error).
    const r = runCli(['report', 'goals', '--year', '2019', '--db', db]);
    expect([r.code, lines(r.stdout)]).toEqual([0, ['Inga uppgifter för 2019. År med uppgifter: 2023–2024.']]);
    const e = runCli(['export', '--year', '2019', '--format', 'xlsx', '-o', join(dir, 'tom.xlsx'), '--db', db]);
    expect([e.code, lines(e.stderr)]).toEqual([1, ['Inget exporterat: inga uppgifter för 2019. År med uppgifter: 2023–2024.']]);
    expect(readdirSync(dir)).not.toContain('tom.xlsx');
  });

  it('an unknown unit suggests the organisation\'s own units (exit 2)', () => {
    const r = runCli(['report', 'gaps', '--unit', 'Farstaa', '--db', db]);
    expect([r.code, lines(r.stderr)]).toEqual([2, ['okänd enhet "Farstaa" – menade du Farsta?', 'Se `beredskap help report`.']]);
    expect(lines(runCli(['export', '--format', 'csv', '-o', join(dir, 'x.csv'), '--unit', 'Brома', '--db', db]).stderr)[0]).toMatch(/^okänd enhet "Brома"/);
  });

  it('export --unit takes a name; sources shows kinds in words', async () => {
    const out = join(dir, 'farsta.xlsx');
    expect(runCli(['export', '--format', 'xlsx', '--unit', 'Farsta', '-o', out, '--db', db]).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const units = new Set<string>();
    workbook.getWorksheet('Beredskap')!.eachRow((row, n) => n > 1 && units.add(String(row.getCell(3).value)));
    expect([...units]).toEqual(['Farsta']);
    expect(workbook.worksheets[0]!.name).toBe('Beredskap');
    const sources = runCli(['sources', '--db', db]).stdout;
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
    expect(lines(runCli(['report', 'readiness', '--db', dbFile]).stdout)[0]).toBe('Exempeldata: siffrorna är påhittade och visar bara hur verktyget fungerar.');
    const csvReport = runCli(['report', 'readiness', '--format', 'csv', '--db', dbFile]);
    expect(csvReport.stdout.split('\n')[0]).toMatch(/^År;/);
    expect(csvReport.stderr).toContain('Exempeldata');
    expect(runCli(['sources', '--db', dbFile]).stdout).toContain('Exempeldata');

    const xlsx = join(dir, 'e.xlsx');
    expect(runCli(['export', '--format', 'xlsx', '-o', xlsx, '--db', dbFile]).stdout).toContain('Exempeldata');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets[0]!.name).toBe('Exempeldata');
    expect(String(workbook.worksheets[0]!.getCell('A1').value)).toMatch(/^Exempeldata: siffrorna är påhittade/);
    expect(runCli(['export', '--format', 'csv', '-o', join(dir, 'e.csv'), '--db', dbFile]).code).toBe(0);
    expect(readFileSync(join(dir, 'e-brister.csv'), 'utf8')).toMatch(/^\uFEFFExempeldata: siffrorna är påhittade.*\r\nUnderlag;År;/);

    const t = runCli(['template', 'self-assessment', '--year', '2025', '--period', 'T1', '--unit', 'Farsta', '-o', join(dir, 'mallar'), '--db', dbFile]);
    expect(lines(t.stdout)).toEqual(['Exempeldata: siffrorna är påhittade och visar bara hur verktyget fungerar.', `1 mall skriven i ${join(dir, 'mallar')}.`]);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(join(dir, 'mallar', readdirSync(join(dir, 'mallar'))[0]!));
    expect(String(template.getWorksheet('Instruktioner')!.getCell('A2').value)).toMatch(/^Exempeldata/);
  }, 120_000);
});
