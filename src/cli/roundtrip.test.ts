import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, writeText } from '../test/helpers.ts';
import { main } from './main.ts';

describe('beredskap template, import --report and export on the command line', () => {
  const dir = tempDir();

  it('writes templates per nämnd, a validation report for a bad file (exit 1, nothing stored), and exports', async () => {
    const db = join(dir, 'cli.duckdb');
    const quiet = () => {};
    expect(await main(['template', 'self-assessment', '--year', '2025', '--period', 'T1', '--unit', 'farsta', '-o', join(dir, 'mallar'), '--db', db], quiet)).toBe(0);
    const [template] = readdirSync(join(dir, 'mallar'));
    expect(template).toMatch(/farsta/);
    expect(await main(['template', 'self-assessment', '--year', '2025', '--db', db], quiet)).toBe(2);

    const bad = writeText(join(dir, 'bad.csv'), 'År;Period;Nämnd;Krav;Status\n2025;T1;Farsta;B01;Kanske\n');
    const report = join(dir, 'rapport.md');
    expect(await main(['import', 'self-assessment', bad, '--dry-run', '--report', report, '--db', db, '--quiet'], quiet)).toBe(1);
    expect(readFileSync(report, 'utf8')).toContain('Kanske');
    expect(await main(['import', 'self-assessment', bad, '--report', report, '--db', db], quiet)).toBe(2);

    // A stray quote is bad input (exit 1, located by line), not a crash.
    const strayQuote = writeText(join(dir, 'quote.csv'), 'År;Period;Nämnd;Krav;Status;Kommentar\n2025;T1;Farsta;B01;Delvis;=HYPERLINK("http://x")\n');
    expect(await main(['import', 'self-assessment', strayQuote, '--db', db, '--quiet'], quiet)).toBe(1);
    const good = writeText(join(dir, 'good.csv'), 'År;Period;Nämnd;Krav;Status;Kommentar\n2025;T1;Farsta;B01;Delvis;"=HYPERLINK(""http://x"")"\n');
    expect(await main(['import', 'self-assessment', good, '--db', db, '--quiet'], quiet)).toBe(0);
    const xlsx = join(dir, 'export.xlsx');
    expect(await main(['export', '--year', '2025', '--format', 'xlsx', '-o', xlsx, '--db', db], quiet)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Beredskap', 'Enheter', 'Tidsfrister', 'Åtgärdsplan', 'Brister', 'Måluppfyllelse', 'Jämförelse', 'Källor']);
    const csv = join(dir, 'export.csv');
    expect(await main(['export', '--year', '2025', '--format', 'csv', '-o', csv, '--db', db], quiet)).toBe(0);
    expect(existsSync(csv)).toBe(true);
    // One file per sheet: -o names Beredskap's, the others beside it.
    expect(readdirSync(dir).filter((n) => n.endsWith('.csv') && n.startsWith('export')).sort()).toEqual(
      ['', '-atgardsplan', '-brister', '-enheter', '-jamforelse', '-kallor', '-maluppfyllelse', '-tidsfrister'].map((s) => `export${s}.csv`).sort(),
    );
    const brister = readFileSync(join(dir, 'export-brister.csv'), 'utf8');
    expect(brister.charCodeAt(0)).toBe(0xfeff);
    expect(brister).toContain(`'=HYPERLINK(`);
    expect(await main(['export', '--format', 'table', '-o', csv, '--db', db], quiet)).toBe(2);
  });
});
