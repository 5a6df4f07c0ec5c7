// The grid an .xlsx is read into, cell by cell, for what real workbooks hold beyond plain text and
// numbers: merged headers, formulas (shared ones too) with and without a stored result, dates, per
// cents, rich text, links, errors, a hidden and an empty sheet. Every importer reads workbooks through
// workbookGrids, so a change in how the bytes are read must give exactly this grid.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from './problems.ts';
import { zipParts } from '../test/xlsxParts.ts';
import { buildZip } from '../test/zipBomb.ts';
import { workbookGrids } from './readWorkbook.ts';
import { entryData, zipEntries } from './zipEntries.ts';

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

  it('reads a workbook as other programs write it: inline and phonetic text, cells without addresses, escapes, entities, the 1904 calendar, sheets in the workbook\'s order', async () => {
    const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const bytes = buildZip([
      { name: 'xl/workbook.xml', content: xml(`<workbook ${ns}><workbookPr date1904="1"/><sheets><sheet name="Svar &amp; andelar" sheetId="2" r:id="rId7"/><sheet name="Diagram" sheetId="3" r:id="rId9"/><sheet name="Läs mig" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', content: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/a.xml')}${rel('rId7', 'worksheet', '/xl/worksheets/b.xml')}${rel('rId9', 'chartsheet', 'chartsheets/c.xml')}${rel('rId3', 'sharedStrings', 'sharedStrings.xml')}</Relationships>`) },
      { name: 'xl/sharedStrings.xml', content: xml(`<sst ${ns} count="3" uniqueCount="3">\n  <si><t>Kommun</t></si>\n  <si><r><t xml:space="preserve">Plan för </t></r><r><rPr><b/></rPr><t>evakuering</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>\n  <si><t>rad ett_x000D_\nrad två &lt;3</t></si>\n</sst>`) },
      { name: 'xl/styles.xml', content: xml(`<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;den &quot;d/m yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="9"/></cellXfs></styleSheet>`) },
      { name: 'xl/worksheets/a.xml', content: xml(`<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Om filen</t></is></c></row></sheetData></worksheet>`) },
      {
        name: 'xl/worksheets/b.xml',
        content: xml(`<worksheet ${ns}>\n<sheetData>\n<row r="2">\n  <c t="s"><v>0</v></c>\n  <c t="s"><v>1</v></c>\n</row>\n<row>\n  <c t="inlineStr"><is><r><t>Stock</t></r><r><t>holm</t></r></is></c>\n  <c><v>0.25</v></c>\n  <c s="2"><v>0.575</v></c>\n  <c s="1"><v>43861</v></c>\n  <c t="s"><v>2</v></c>\n  <c s="1"/>\n</row>\n<row r="5"><c r="B5" t="str"><f>"Ja"</f><v>Ja</v></c><c r="C5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D5"><![CDATA[x]]></c></row>\n<row r="6"><c r="A6" t="str"><f>IF(1,"","x")</f><v></v></c><c r="B6" t="s"><v></v></c><c r="C6"><v/></c><c r="D6" t="inlineStr"><is><t/></is></c><c r="E6"><f>B1</f><v></v></c><c r="F6" t="s"><v>0</v></c></row>\n</sheetData>\n<mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells>\n</worksheet>`),
      },
    ]);
    expect(await workbookGrids(bytes, 'annan.xlsx')).toEqual([
      {
        // An empty stored value is no value, but a formula's empty text result was calculated: only E6 is uncomputed.
        file: 'annan.xlsx', sheet: 'Svar & andelar', format: 'xlsx', uncomputed: new Set(['5:2', '6:4']),
        rows: [
          { line: 2, cells: ['Kommun', 'Plan för evakuering', 'Plan för evakuering'] },
          { line: 3, cells: ['Stockholm', 0.25, '57.5 %', new Date(Date.UTC(2024, 1, 1)), 'rad ett\r\nrad två <3', null] },
          { line: 5, cells: [null, 'Ja', null, null] },
          { line: 6, cells: [null, null, null, null, null, 'Kommun'] },
        ],
      },
      { file: 'annan.xlsx', sheet: 'Läs mig', format: 'xlsx', rows: [{ line: 1, cells: ['Om filen'] }], uncomputed: new Set() },
    ]);
  });

  it('says in Swedish that a workbook is damaged: a part that does not unpack, a part cut short, a sheet the workbook names but lacks', async () => {
    const parts = zipParts(await unusualWorkbook());
    const sheet = (p: { name: string }) => p.name === 'xl/worksheets/sheet3.xml';
    const notDeflate = buildZip(parts);
    const listed = zipEntries(notDeflate);
    if ('error' in listed) throw new Error(listed.error);
    entryData(notDeflate, listed.entries.find(sheet)!)!.fill(0xff);
    const damaged = [
      notDeflate,
      buildZip(parts.map((p) => (sheet(p) ? { ...p, content: p.content.subarray(0, p.content.length - 40) } : p))),
      buildZip(parts.filter((p) => !sheet(p))),
    ];
    for (const bytes of damaged) {
      const error = await workbookGrids(bytes, 'skadad.xlsx').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      const [problem] = (error as InputError).problems;
      expect(problem).toMatchObject({ file: 'skadad.xlsx', message: expect.stringMatching(/^filen kan inte läsas som \.xlsx: .*(skadad|packas upp)/) });
      expect(problem!.message).not.toMatch(/\b(invalid|block|type|bad|entry|missing|unexpected|end)\b/i);
    }
  });

  it('refuses bytes that are no workbook, naming the file', async () => {
    const error = await workbookGrids(Buffer.from('inte en zip'), 'fel.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([expect.objectContaining({ file: 'fel.xlsx', message: expect.stringMatching(/kan inte läsas som \.xlsx/) })]);
  });
});
