import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { importOj } from '../oj/importOj.ts';
import { runValidationReport } from '../template/commands.ts';
import { openTestDb, tempDir, writeText, writeXlsx } from '../test/helpers.ts';
import { xlsxBomb } from '../test/zipBomb.ts';
import { workbookGrids } from './readWorkbook.ts';
import { InputError } from './problems.ts';
import { maxUnzippedBytes, unzippedSizeProblem } from './unzippedSize.ts';

const MB = 1024 * 1024;

describe('a zip bomb is refused before the workbook is unpacked', () => {
  const dir = tempDir();
  beforeEach(() => {
    mkdirSync(dir, { recursive: true });
    process.env.BEREDSKAP_MAX_UNZIPPED_MB = '2';
  });
  afterEach(() => {
    delete process.env.BEREDSKAP_MAX_UNZIPPED_MB;
  });

  it('passes a real workbook; refuses one whose declared size, or whose real size behind a false declaration, passes the limit', async () => {
    const real = readFileSync(await writeXlsx(join(dir, 'ok.xlsx'), [{ name: 'Blad1', rows: [['Kommunkod', 'Kommun'], ['0180', 'Stockholm']] }]));
    expect(unzippedSizeProblem(real, MB)).toBeUndefined();
    expect(unzippedSizeProblem(xlsxBomb(1), 2 * MB)).toBeUndefined();
    expect(unzippedSizeProblem(xlsxBomb(8), MB)).toMatch(/enligt sin innehållsförteckning.*zip-bomb/);
    const liar = xlsxBomb(8, true);
    expect(liar.length).toBeLessThan(MB / 10);
    expect(unzippedSizeProblem(liar, MB)).toMatch(/mer än den själv anger.*sheet1\.xml/);
    expect(unzippedSizeProblem(Buffer.from(`PK\x03\x04${' '.repeat(40)}`), MB)).toMatch(/innehållsförteckning saknas/);
    expect(maxUnzippedBytes({})).toBe(200 * MB);
    expect(maxUnzippedBytes({ BEREDSKAP_MAX_UNZIPPED_MB: '5' })).toBe(5 * MB);
  });

  it('import oj and the validation report name the file; nothing is stored and the process lives', async () => {
    const bomb = writeText(join(dir, 'oj-2024.xlsx'), xlsxBomb(24, true));
    await expect(workbookGrids(readFileSync(bomb), 'oj-2024.xlsx')).rejects.toThrow(/oj-2024\.xlsx: filen kan inte läsas som \.xlsx: .*zip-bomb/);
    const db = await openTestDb(dir);
    try {
      const error = await importOj(db, [bomb]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems).toEqual([expect.objectContaining({ file: 'oj-2024.xlsx', message: expect.stringMatching(/zip-bomb/) })]);
      expect(await db.one('select count(*)::int as n from source_file')).toEqual({ n: 0 });
      const report = await runValidationReport(db, { file: bomb, reportPath: join(dir, 'rapport.md') });
      expect(report).toMatchObject({ ok: false, blocking: 1 });
      expect(readFileSync(join(dir, 'rapport.md'), 'utf8')).toMatch(/zip-bomb/);
    } finally {
      db.close();
    }
    expect(await main(['import', 'oj', bomb, '--db', join(dir, 'test.duckdb'), '--quiet'], () => {})).toBe(1);
  });
});
