import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import type { Database } from '../db/database.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { openInitialisedDb, tempDir, townConfigDir, writeText } from '../test/helpers.ts';
import { CommandUsageError, runTemplate } from './commands.ts';
import { fillTemplate } from './testing.ts';
import { answerSheetName, templateColumn } from '../self/templateLayout.ts';

const hostile = {
  B01: '=cmd|\' /C calc\'!A0',
  B02: '=HYPERLINK("http://example.invalid","klicka")',
  B03: '+SUM(1,2)',
  B04: '-2+3',
  B05: '@SUM(A1)',
};

describe('self-assessment templates and what they carry', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('refuses to overwrite a template of the same name (it may be filled in) unless forced', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    const out = join(dir, 'mallar');
    const [path] = await runTemplate(db, { year: 2025, period: 'T1', unit: 'tallmossen', outDir: out });
    await fillTemplate(path!, { B01: { status: 'Uppfyllt', comment: 'ifylld av nämnden' } });
    const filled = readFileSync(path!);
    await expect(runTemplate(db, { year: 2025, period: 'T1', unit: 'tallmossen', outDir: out })).rejects.toThrow(CommandUsageError);
    await expect(runTemplate(db, { year: 2025, period: 'T1', unit: 'tallmossen', outDir: out })).rejects.toThrow(/finns redan.*--force/);
    expect(readFileSync(path!).equals(filled)).toBe(true);
    // --all stops before writing any file when one of them exists.
    await expect(runTemplate(db, { year: 2025, period: 'T1', all: true, outDir: out })).rejects.toThrow(/sjalvskattning-2025-T1-tallmossen\.xlsx/);
    expect(readFileSync(path!).equals(filled)).toBe(true);
    expect(await runTemplate(db, { year: 2025, period: 'T1', unit: 'tallmossen', outDir: out, force: true })).toEqual([path]);
    expect(readFileSync(path!).equals(filled)).toBe(false);
    db.close();

    const quiet = () => {};
    const dbPath = join(dir, 'test.duckdb');
    expect(await main(['template', 'self-assessment', '--year', '2025', '--period', 'T1', '--unit', 'tallmossen', '-o', out, '--db', dbPath, '--config', townConfigDir], quiet)).toBe(2);
    expect(await main(['template', 'self-assessment', '--year', '2025', '--period', 'T1', '--unit', 'tallmossen', '-o', out, '--db', dbPath, '--config', townConfigDir, '--force'], quiet)).toBe(0);
  });

  it('neutralises formula-like answers prefilled from the last report, and reads them back unchanged', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    const csv = ['År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig']
      .concat(Object.entries(hostile).map(([id, text]) => `2025;T1;Tallmossen;${id};Delvis;"${text.replace(/"/g, '""')}";"${text.replace(/"/g, '""')}";${id === 'B04' ? text : 'samordnare'}`))
      .join('\n');
    await importSelfAssessment(db, [writeText(join(dir, 't1.csv'), `${csv}\n`)]);
    const [path] = await runTemplate(db, { year: 2025, period: 'T2', unit: 'tallmossen', outDir: join(dir, 'mallar') });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path!);
    const ws = workbook.getWorksheet(answerSheetName)!;
    const cells: ExcelJS.CellValue[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      for (const h of ['Kommentar', 'Åtgärd', 'Ansvarig'] as const) cells.push(row.getCell(templateColumn(h)).value);
    });
    const written = cells.filter((v) => v !== null);
    // B01–B05 as T1 left them, row by row (Kommentar, Åtgärd, Ansvarig), each formula-like text behind a quote.
    expect(written).toEqual(Object.entries(hostile).flatMap(([id, text]) => [`'${text}`, `'${text}`, id === 'B04' ? `'${text}` : 'samordnare']));
    for (const v of written) {
      expect(typeof v).toBe('string');
      expect(String(v)).not.toMatch(/^[=+\-@]/);
    }
    expect(written).toContain(`'${hostile.B02}`);

    // The nämnd sends the template back untouched: T2 holds exactly the texts T1 held.
    await importSelfAssessment(db, [path!]);
    const rows = await db.all<{ period: string; requirement_id: string; comment: string; planned_action: string; owner: string }>(
      `select period, requirement_id, comment, planned_action, owner from self_assessment
       where unit_id = 'tallmossen' and year = 2025 and requirement_id in ('B01','B02','B03','B04','B05') order by requirement_id, period`,
    );
    const byPeriod = (p: string) => rows.filter((r) => r.period === p).map(({ period: _p, ...r }) => r);
    expect(byPeriod('T2')).toEqual(byPeriod('T1'));
    expect(byPeriod('T2').map((r) => r.comment)).toEqual(Object.values(hostile));
  });
});
