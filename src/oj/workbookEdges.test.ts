// An ÖJ workbook whose sheets name two years, and answers standing outside the table: refused with
// the sheets or the cell named, never read under one year or skipped without a word.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../config/catalog.ts';
import { formatProblem } from '../text/problems.ts';
import { inputProblems, sharedTestDb, writeXlsx, type Cell } from '../test/helpers.ts';
import type { CellValue, Grid } from '../text/grid.ts';
import { importOj } from './importOj.ts';
import { readOjWorkbook } from './readOjWorkbook.ts';

/** A result sheet of one-level headers: title, header, the given rows (kommun code, name, two answers). */
function resultSheet(title: string, rows: CellValue[][]): CellValue[][] {
  return [[title], [], ['Kommunkod', 'Kommun', 'Evakueringsplan, SÄBO', 'Evakueringsplan, hemtjänst'], ...rows];
}
const kommunRows: CellValue[][] = [['0180', 'Stockholm', 'Ja', 'Nej'], ['0114', 'Upplands Väsby', 'Nej', 'Ja']];
const grids = (file: string, sheets: { name: string; rows: CellValue[][] }[]): Grid[] =>
  sheets.map((s) => ({ file, sheet: s.name, format: 'xlsx', rows: s.rows.map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.cells.length) }));

describe('ÖJ workbook: the year of each sheet, and cells outside the table', () => {
  const shared = sharedTestDb();
  const { dir } = shared;
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await Catalog.load(shared.db, { applicability: false });
  });

  const twoYears = [
    { name: '2023', rows: resultSheet('Öppna jämförelser 2023', [['0181', 'Södertälje', 'Ja', 'Ja']]) },
    { name: 'Kommuner', rows: resultSheet('Öppna jämförelser 2024 – Krisberedskap', kommunRows) },
    { name: 'Fler kommuner', rows: resultSheet('Krisberedskap 2024', [['0136', 'Haninge', 'Ja', 'Ja']]) },
  ];

  it.each([
    ['a file name with one of the years', 'oj-2024.xlsx', undefined],
    ['a file name without a year', 'oj.xlsx', undefined],
    ['--year naming one of them', 'oj-2024.xlsx', 2024],
  ])('sheets that disagree on the year are an error naming sheets and years, with %s', (_, file, year) => {
    const reading = readOjWorkbook(grids(file, twoYears), catalog, { file, year });
    expect(reading.problems.map(formatProblem)).toEqual([
      `${file}: bladen anger olika år ("2023" 2023; "Kommuner", "Fler kommuner" 2024); en fil ska gälla ett år: ta bort eller flytta det blad som gäller ett annat år, eller rätta dess rubrik.`,
    ]);
    expect(reading.answers).toEqual([]);
  });

  it('a workbook of one year on every sheet, or of sheets without a year, still reads', () => {
    const agreeing = readOjWorkbook(grids('oj.xlsx', twoYears.slice(1)), catalog, { file: 'oj.xlsx' });
    expect(agreeing.problems).toEqual([]);
    expect(agreeing).toMatchObject({ year: 2024, yearSource: 'i rubrikerna' });
    const untitled = readOjWorkbook(grids('oj-2022.xlsx', [{ name: 'Blad1', rows: resultSheet('Krisberedskap', kommunRows) }]), catalog, { file: 'oj-2022.xlsx' });
    expect(untitled).toMatchObject({ year: 2022, yearSource: 'i filnamnet', problems: [] });
  });

  it('a lone answer right of the header is an error at its cell; other text there is counted as skipped', () => {
    const loneNej = Array<CellValue>(16384).fill(null);
    loneNej.splice(0, 4, '0180', 'Stockholm', 'Ja', 'Nej');
    loneNej[16383] = 'Nej';
    const sheet = resultSheet('Öppna jämförelser 2024', [loneNej, ['0114', 'Upplands Väsby', 'Nej', 'Ja', null, 'se bilaga'], [null, 'Riket', '50 %', '50 %', null, null, '47 %']]);
    const reading = readOjWorkbook(grids('oj-2024.xlsx', [{ name: 'Kommuner', rows: sheet }]), catalog, { file: 'oj-2024.xlsx' });
    expect(reading.problems).toMatchObject([
      { sheet: 'Kommuner', row: 4, column: 'XFD', found: 'Nej', message: expect.stringContaining('utanför tabellen') },
      { sheet: 'Kommuner', row: 6, column: 'G', found: '47 %' },
    ]);
    const withoutAnswers = readOjWorkbook(grids('oj-2024.xlsx', [{ name: 'Kommuner', rows: sheet.slice(0, 5) }]), catalog, { file: 'oj-2024.xlsx' });
    expect(withoutAnswers.problems).toMatchObject([{ row: 4, column: 'XFD' }]);
    const notes = readOjWorkbook(grids('oj-2024.xlsx', [{ name: 'Kommuner', rows: [...sheet.slice(0, 3), sheet[4]!] }]), catalog, { file: 'oj-2024.xlsx' });
    expect(notes.problems).toEqual([]);
    expect(notes.rowsSkipped).toMatchObject({ outside: 1 });
  });

  it('an answer under an unknown header without other answers is refused too, through the real import', async () => {
    const rows: Cell[][] = [['Öppna jämförelser 2024'], ['Kommunkod', 'Kommun', 'Evakueringsplan, SÄBO', 'Anteckning'], ['0180', 'Stockholm', 'Ja', 'Nej'], ['0114', 'Upplands Väsby', 'Ja', 'ring Eva']];
    const file = await writeXlsx(join(dir, 'oj-2024.xlsx'), [{ name: 'Kommuner', rows }]);
    expect(await inputProblems(importOj(shared.db, [file]))).toMatchObject([{ file: 'oj-2024.xlsx', sheet: 'Kommuner', row: 3, column: 'D (Anteckning)', found: 'Nej' }]);
    const ok = await writeXlsx(join(dir, 'oj-ok-2024.xlsx'), [{ name: 'Kommuner', rows: [...rows.slice(0, 2), ['0180', 'Stockholm', 'Ja', null], rows[3]!] }]);
    const [report] = await importOj(shared.db, [ok], { dryRun: true });
    expect(report).toMatchObject({ status: 'validated', rowsStored: 2, rowsSkipped: { outside: 1 } });
  });
});
