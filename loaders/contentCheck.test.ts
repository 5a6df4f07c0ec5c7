import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { htmlProblem, htmlTitle, xlsxProblem, zipEntryNames } from './contentCheck.ts';

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Kommuner').getCell('A1').value = 'Kommunkod';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('content checks', () => {
  it('accepts a real .xlsx: its central directory lists the workbook parts', async () => {
    const bytes = await xlsx();
    const zip = zipEntryNames(bytes);
    expect('names' in zip && zip.names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    expect(xlsxProblem(bytes, 'application/octet-stream')).toBeUndefined();
  });

  it('refuses a cut-off .xlsx, a zip that is no workbook, and what is no zip at all', async () => {
    const bytes = await xlsx();
    expect(xlsxProblem(bytes.subarray(0, bytes.length - 200))?.message).toMatch(/^inte en giltig \.xlsx: zip-filens innehållsförteckning/);
    // The same zip with the workbook part renamed, in the central directory and the local header alike.
    const renamed = Buffer.from(bytes.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbooX.xml'), 'latin1');
    expect(xlsxProblem(renamed)).toEqual({ reason: 'content', message: 'inte en Excel-arbetsbok: zip-filen saknar xl/workbook.xml' });
    expect(xlsxProblem(Buffer.from('kommunkod;svar\n0180;Ja\n'))).toEqual({ reason: 'content', message: 'inte en giltig .xlsx: filen är inte en zip-fil (som en .xlsx är)' });
  });

  it('recognises an HTML page by Content-Type or by its start, and reads its title', () => {
    const page = Buffer.from('\uFEFF  <!doctype html><html><head><title>\n  Sidan har &aring;terflyttats &#8211; 404\n</title></head></html>');
    expect(htmlTitle(page)).toBe('Sidan har återflyttats – 404');
    expect(htmlProblem(page)?.reason).toBe('html');
    expect(htmlProblem(Buffer.from('{"values": []}'), 'text/html; charset=utf-8')?.message).toBe(
      'servern svarade med en HTML-sida i stället för filen – troligen en felsida eller en sida som har flyttat',
    );
    expect(htmlProblem(Buffer.from('{"values": []}'), 'application/json')).toBeUndefined();
  });
});
