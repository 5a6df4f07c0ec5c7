import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import type { Database } from '../db/database.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { openInitialisedDb, tempDir, townConfigDir, writeText, writeXlsx } from '../test/helpers.ts';
import { InputError, type Problem } from './problems.ts';
import { calendarDate, parseYear } from './validRanges.ts';

const thisYear = new Date().getFullYear();
const problemsOf = async (work: Promise<unknown>): Promise<Problem[]> => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems;
};

describe('years, dates and encodings an import accepts', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('the rules themselves', () => {
    expect(parseYear('2024')).toEqual({ year: 2024 });
    expect(parseYear('2024.0')).toEqual({ year: 2024 });
    expect(parseYear('2027', new Date('2026-12-01'))).toEqual({ problem: 'året ligger i framtiden: ska vara ett årtal från 2000 till 2026' });
    expect(parseYear('1900', new Date('2026-12-01'))).toEqual({ problem: 'året ska vara ett årtal från 2000 till 2026' });
    expect(parseYear('tjugo')).toMatchObject({ problem: expect.stringMatching(/från 2000 till/) });
    expect(calendarDate(2024, 2, 29)).toBe('2024-02-29');
    expect(calendarDate(2026, 2, 29)).toBeUndefined();
    expect(calendarDate(2026, 2, 30)).toBeUndefined();
    expect(calendarDate(2026, 4, 31)).toBeUndefined();
  });

  it('impossible or absurd due dates stop a self-assessment, named by file, row and column, before anything is stored', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    const csv = writeText(join(dir, 'datum.csv'), [
      'Nämnd;År;Period;Krav;Status;Åtgärd;Klart senast',
      'Tallmossen;2025;T1;B01;Ej uppfyllt;Ny RSA;2026-02-30',
      'Tallmossen;2025;T1;B02;Ej uppfyllt;Ny plan;2026-04-31',
      'Tallmossen;2025;T1;B03;Ej uppfyllt;Ny plan;0000-01-01',
      'Tallmossen;2025;T1;B04;Ej uppfyllt;Ny plan;2026-02-28',
    ].join('\n'));
    const problems = await problemsOf(importSelfAssessment(db, [csv]));
    expect(problems.map((p) => [p.file, p.row, p.column, p.found, p.message])).toEqual([
      ['datum.csv', 2, '7 (Klart senast)', '2026-02-30', 'datumet finns inte i kalendern'],
      ['datum.csv', 3, '7 (Klart senast)', '2026-04-31', 'datumet finns inte i kalendern'],
      ['datum.csv', 4, '7 (Klart senast)', '0000-01-01', 'datumet ska ligga mellan 2000-01-01 och 2099-12-31'],
    ]);
    // A date cell of an .xlsx is held to the same range.
    const xlsx = await writeXlsx(join(dir, 'datum.xlsx'), [{
      name: 'Svar',
      rows: [['År', 'Period', 'Nämnd', 'Krav', 'Status', 'Klart senast'], [2025, 'T1', 'Tallmossen', 'B01', 'Delvis', new Date(Date.UTC(1899, 11, 31))]],
    }]);
    expect((await problemsOf(importSelfAssessment(db, [xlsx]))).map((p) => [p.row, p.message])).toEqual([[2, 'datumet ska ligga mellan 2000-01-01 och 2099-12-31']]);
    expect(await db.one('select count(*)::int as n from self_assessment')).toEqual({ n: 0 });
  });

  it('refuses future years in ÖJ CSV, self-assessments and --year, saying the allowed range', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    const oj = writeText(join(dir, 'oj.csv'), `ar;enhet;indikator;verksamhet;svar\n2099;Tallmossen;evakuering;sabo;Ja\n1900;Tallmossen;evakuering;sabo;Ja\n${thisYear + 1};Tallmossen;evakuering;sabo;Ja\n`);
    expect((await problemsOf(importOj(db, [oj]))).map((p) => [p.row, p.found, p.message])).toEqual([
      [2, '2099', `året ligger i framtiden: ska vara ett årtal från 2000 till ${thisYear}`],
      [3, '1900', `året ska vara ett årtal från 2000 till ${thisYear}`],
      [4, String(thisYear + 1), `året ligger i framtiden: ska vara ett årtal från 2000 till ${thisYear}`],
    ]);
    const self = writeText(join(dir, 'self.csv'), 'År;Period;Nämnd;Krav;Status\n2099;T1;Tallmossen;B01;Uppfyllt\n');
    expect((await problemsOf(importSelfAssessment(db, [self]))).map((p) => [p.row, p.column, p.message])).toEqual([
      [2, '1 (År)', `året ligger i framtiden: ska vara ett årtal från 2000 till ${thisYear}`],
    ]);
    db.close();
    const err: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((t: string) => err.push(String(t)) > 0) as unknown as typeof process.stderr.write;
    try {
      expect(await main(['report', 'readiness', '--year', '2099', '--db', join(dir, 'test.duckdb')], () => {})).toBe(2);
      expect(await main(['report', 'readiness', '--year', '3000', '--db', join(dir, 'test.duckdb')], () => {})).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(err.join('')).toContain(`--year: året ligger i framtiden: ska vara ett årtal från 2000 till ${thisYear}, inte "2099"`);
  });

  it('names UTF-16 as the encoding instead of reporting columns full of NUL bytes', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    const text = 'År;Period;Nämnd;Krav;Status\r\n2025;T1;Tallmossen;B01;Uppfyllt\r\n';
    const le = writeText(join(dir, 'unicode.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]));
    const be = writeText(join(dir, 'be.csv'), iconv.encode(text, 'utf16be'));
    const problems = await problemsOf(importSelfAssessment(db, [le, be]));
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ['unicode.csv', expect.stringMatching(/^filen är kodad som UTF-16 LE.*CSV UTF-8/)],
      ['be.csv', expect.stringMatching(/^filen är kodad som UTF-16 BE/)],
    ]);
    expect(problems.every((p) => !p.message.includes('\0'))).toBe(true);
  });
});
