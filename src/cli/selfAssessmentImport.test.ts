import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSheetName, templateColumn } from '../self/templateLayout.ts';
import { configDir, openInitialisedDb, writeText } from '../test/helpers.ts';
import { lines, runMain } from './cliTesting.ts';

const header = 'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast';

describe('import self-assessment on the command line: what it says and when it refuses', () => {
  // One database and one template for these tests.
  let dir: string;
  let db: string;
  let template: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'beredskap-self-'));
    db = join(dir, 'self.duckdb');
    (await openInitialisedDb(db, configDir)).close();
    expect((await runMain(['template', 'self-assessment', '--year', '2025', '--period', 'T2', '--unit', 'Farsta', '-o', join(dir, 'mallar'), '--db', db, '--config', configDir])).code).toBe(0);
    template = join(dir, 'mallar', readdirSync(join(dir, 'mallar'))[0]!);
  }, 60_000);

  /** The decisions of the periods in force on 31 August 2025 for the requirements that carry a deadline. */
  const decisions: Record<string, Date> = { B01: new Date('2023-05-10T00:00:00Z'), B02: new Date('2024-12-10T00:00:00Z'), B04: new Date('2024-03-01T00:00:00Z') };

  /** The template filled as a nämnd would: every requirement answered; `edit` changes rows by Krav id. */
  async function filled(name: string, edit: (id: string, row: ExcelJS.Row) => void = () => {}): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    workbook.getWorksheet(answerSheetName)!.eachRow((row, n) => {
      if (n === 1) return;
      row.getCell(templateColumn('Status')).value = 'Uppfyllt';
      const decision = decisions[String(row.getCell(templateColumn('Krav')).value)];
      if (decision) row.getCell(templateColumn('Beslutsdatum')).value = decision;
      edit(String(row.getCell(templateColumn('Krav')).value), row);
    });
    const path = join(dir, name);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  it('suggests the template\'s statuses for an unknown status and the organisation\'s nämnder for an unknown nämnd', async () => {
    const file = writeText(join(dir, 'fel.csv'), `${header}\n2025;T2;Farsta;B01;Kanske;;;;\n2025;T2;Solnaa;B02;Uppfyllt;;;;\n`);
    const r = await runMain(['import', 'self-assessment', file, '--db', db, '--config', configDir]);
    expect(r.code).toBe(1);
    const [status, unit] = lines(r.stderr).slice(1);
    expect(status).toBe('  fel.csv, rad 2, kolumn 5 (Status): okänd status "Kanske". Närmast kända: "Ej aktuellt", "Delvis uppfyllt", "Ej uppfyllt", "Uppfyllt".');
    expect(unit).toMatch(/^ {2}fel\.csv, rad 3, kolumn 3 \(Nämnd\): okänd nämnd "Solnaa"\. Närmast kända: /);
    expect(unit).not.toMatch(/"Solna"|"Sollentuna"/);
  });

  it('shows what the import accepts but the follow-up needs in a plain --dry-run, in the right number', async () => {
    const file = await filled('utan-atgard.xlsx', (id, row) => {
      if (id === 'B01') row.getCell(templateColumn('Status')).value = 'Ej uppfyllt';
    });
    const r = await runMain(['import', 'self-assessment', file, '--dry-run', '--db', db, '--config', configDir]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe('1 anmärkning som inte stoppar inläsningen (--report UT.xlsx skriver dem till en fil för nämnden):');
    // B01 is the template's first row; its Åtgärd column is I.
    expect(out[1]).toMatch(/^ {2}utan-atgard\.xlsx, blad "Självskattning", rad 2, kolumn I \(Åtgärd\): Ej uppfyllt utan åtgärd/);
    // The 22 requirement rows and the 4 fokusområden of Nämndens bedömning are read; the blank judgements store nothing.
    expect(out[2]).toBe('utan-atgard.xlsx (2025): kontrollerad (--dry-run, inget skrivet); skulle ge 26 rader lästa, 22 uppgifter – självskattningar: 22 nya, 0 borttagna, 0 ändrade.');
  });

  it('sums up the requirements a partial report leaves out in one line per report', async () => {
    const file = writeText(join(dir, 'del.csv'), `${header};Beslutsdatum\n2025;T1;Farsta;B01;Uppfyllt;;;;;2023-05-10\n2025;T1;Farsta;B02;Uppfyllt;;;;;2024-12-10\n`);
    const out = lines((await runMain(['import', 'self-assessment', file, '--dry-run', '--db', db, '--config', configDir])).stdout);
    // The 22 requirements of a stadsdelsnämnd in 2025 less the two reported.
    expect(out[1]).toBe('  del.csv: 20 krav saknas för Farsta 2025 T1 och räknas som ej besvarade: B03, B04, B05, B06, B07, B08, B09, B10, B11, S01, S02, S03, S04, O01, O02, O03, P01, P02, P03, P04.');
    expect(out.filter((l) => l.includes('saknas för'))).toHaveLength(1);
  });

  it('refuses a template whose rows were changed to another year, unless --year says that year is meant', async () => {
    const file = await filled('fel-ar.xlsx', (_id, row) => (row.getCell(templateColumn('År')).value = 2024));
    const r = await runMain(['import', 'self-assessment', file, '--dry-run', '--db', db, '--config', configDir]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[1]).toMatch(/^ {2}fel-ar\.xlsx, blad "Självskattning", rad 2, kolumn År: året är inte mallens: mallen gäller 2025; ange --year 2024 om raderna ska gälla 2024 "2024"\.$/);
    expect((await runMain(['import', 'self-assessment', file, '--dry-run', '--year', '2024', '--db', db, '--config', configDir])).code).toBe(0);
    const other = await runMain(['import', 'self-assessment', file, '--dry-run', '--year', '2023', '--db', db, '--config', configDir]);
    expect([other.code, lines(other.stderr)[1]]).toEqual([1, expect.stringContaining('året är inte det --year 2023 anger "2024"')]);
  });

  it('says why a tertial report after the year\'s verksamhetsberättelse changes none of the year\'s figures', async () => {
    const vb = writeText(join(dir, 'vb.csv'), `${header}\n2025;VB;Farsta;B01;Uppfyllt;;;;\n`);
    expect((await runMain(['import', 'self-assessment', vb, '--db', db, '--config', configDir])).code).toBe(0);
    const t2 = writeText(join(dir, 't2.csv'), `${header}\n2025;T2;Farsta;B01;Delvis uppfyllt;;;;\n`);
    const r = await runMain(['import', 'self-assessment', t2, '--db', db, '--config', configDir]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toContain('  Obs: Farsta 2025 T2 ändrar inte årets siffror: Farsta har redan lämnat verksamhetsberättelse för 2025, och årets beredskap räknas från den senaste rapporten. T2 sparas och syns i förloppet under året.');
    expect(lines(r.stdout)[0]).toMatch(/^t2\.csv \(2025\): importerad som källa #\d+; 1 rad läst, 1 uppgift – självskattningar: 1 ny, 0 borttagna, 0 ändrade\.$/);
  });
});
