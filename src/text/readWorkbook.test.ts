// The grid an .xlsx is read into, cell by cell, for what real workbooks hold beyond plain text and
// numbers: merged headers, formulas (shared ones too) with and without a stored result, dates, per
// cents, rich text, links, errors, a hidden and an empty sheet. Every importer reads workbooks through
// workbookGrids, so a change in how the bytes are read must give exactly this grid.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from './problems.ts';
import { workbookGrids } from './readWorkbook.ts';

/** Written the way no sample file is: data sheet last, a hidden sheet first, headers merged both ways. */
async function unusualWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const hidden = wb.addWorksheet('Dolt');
  hidden.state = 'hidden';
  hidden.getCell('B2').value = 'Uppgifter som inte visas';
  wb.addWorksheet('Tomt');
  const ws = wb.addWorksheet('Svar 2024');

  ws.getCell('A1').value = 'Läns-\nkod';
  ws.mergeCells('A1:A2');
  ws.getCell('B1').value = { richText: [{ text: 'Plan för ' }, { font: { bold: true }, text: 'evakuering' }, { font: { vertAlign: 'superscript' }, text: '¹' }] };
  ws.mergeCells('B1:D1');
  ws.getCell('B2').value = 'SÄBO';
  ws.getCell('C2').value = 'Hemtjänst';
  ws.getCell('D2').value = 'Mätdatum';

  ws.getCell('A3').value = 1;
  ws.getCell('B3').value = { formula: 'IF(A3=1,"Ja","Nej")', result: 'Ja' };
  ws.getCell('C3').value = 0.575;
  ws.getCell('C3').numFmt = '0.0%';
  ws.getCell('D3').value = new Date(Date.UTC(2024, 1, 1));
  ws.getCell('D3').numFmt = 'yyyy-mm-dd';
  ws.getCell('E3').value = { formula: 'A3*63', result: 63 };

  ws.getCell('A4').value = '   '; // a row of nothing but spaces is no row

  ws.getCell('A5').value = '0180';
  ws.getCell('B5').value = { formula: 'B3&""' }; // never calculated: no stored result
  ws.getCell('C5').value = { error: '#N/A' };
  ws.getCell('D5').value = true;
  ws.getCell('F5').value = { text: 'Källa', hyperlink: 'https://example.org/oj' };

  ws.getCell('B7').value = 42.5;
  ws.getCell('C7').value = ' Nej ';
  ws.getCell('E7').value = { formula: 'B7*2', result: 85, shareType: 'shared', ref: 'E7:F7' } as ExcelJS.CellFormulaValue;
  ws.getCell('F7').value = { sharedFormula: 'E7', result: 7 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('B8').value = 'Källa: Socialstyrelsen';
  ws.mergeCells('B8:E8');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('workbookGrids', () => {
  it('reads every sheet in order, hidden and empty ones too, with merged cells, formula results, dates, per cents and rich text as a user sees them', async () => {
    const grids = await workbookGrids(await unusualWorkbook(), 'ovanlig.xlsx');
    expect(grids.map((g) => ({ ...g, uncomputed: [...(g.uncomputed ?? [])] }))).toEqual([
      { file: 'ovanlig.xlsx', sheet: 'Dolt', format: 'xlsx', rows: [{ line: 2, cells: [null, 'Uppgifter som inte visas'] }], uncomputed: [] },
      { file: 'ovanlig.xlsx', sheet: 'Tomt', format: 'xlsx', rows: [], uncomputed: [] },
      {
        file: 'ovanlig.xlsx', sheet: 'Svar 2024', format: 'xlsx',
        rows: [
          { line: 1, cells: ['Läns-\nkod', 'Plan för evakuering¹', 'Plan för evakuering¹', 'Plan för evakuering¹'] },
          { line: 2, cells: ['Läns-\nkod', 'SÄBO', 'Hemtjänst', 'Mätdatum'] },
          { line: 3, cells: [1, 'Ja', '57.5 %', new Date(Date.UTC(2024, 1, 1)), 63] },
          { line: 5, cells: ['0180', null, '#N/A', true, null, 'Källa'] },
          { line: 7, cells: [null, 42.5, ' Nej ', null, 85, 7] },
          { line: 8, cells: [null, 'Källa: Socialstyrelsen', 'Källa: Socialstyrelsen', 'Källa: Socialstyrelsen', 'Källa: Socialstyrelsen'] },
        ],
        // The formula without a result is named, so that the parsers report the cell instead of reading it as empty.
        uncomputed: ['5:1'],
      },
    ]);
  });

  it('refuses bytes that are no workbook, naming the file', async () => {
    const error = await workbookGrids(Buffer.from('inte en zip'), 'fel.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([expect.objectContaining({ file: 'fel.xlsx', message: expect.stringMatching(/kan inte läsas som \.xlsx/) })]);
  });
});
