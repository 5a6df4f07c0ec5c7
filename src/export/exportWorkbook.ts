import type ExcelJS from 'exceljs';
import { newWorkbook } from '../text/newWorkbook.ts';
import { extname } from 'node:path';
import { toCsv } from '../present/csv.js';
import { sampleNotice } from '../db/selectionInfo.ts';
import { addTableSheet, type ColumnKind, type Table } from '../text/xlsxTable.ts';

/** The export as one workbook, a sheet per table (header frozen, auto filter, shares as percentages). */
export async function exportWorkbook(tables: Table[], options: { sample?: boolean } = {}): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  workbook.creator = 'Beredskapsuppföljning';
  if (options.sample) {
    // Made from sample data: said first, on a sheet of its own, so that no table's header row moves.
    workbook.title = `Exempeldata – ${workbook.creator}`;
    const ws = workbook.addWorksheet('Exempeldata');
    ws.getColumn(1).width = 90;
    ws.addRow([sampleNotice]).font = { bold: true, size: 14 };
  }
  for (const table of tables) addTableSheet(workbook, table);
  return workbook;
}

/** A value as CSV writes it: shares as fractions to four decimals (0.01 percentage point), dates as ISO text. */
function csvValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'share':
      return Math.round(Number(value) * 10000) / 10000;
    case 'integer':
    case 'number':
      return Number(value);
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime':
      return String(value).slice(0, 16);
    default:
      return String(value);
  }
}

/**
 * The export as CSV, one file per sheet: the first (Beredskap) under the name given, the others beside
 * it with the sheet's name added (export.csv, export-brister.csv, …). UTF-8 with a BOM; with `;` numbers
 * get a decimal comma, as Swedish Excel reads them, with any other delimiter a decimal point.
 */
export function exportCsvFiles(tables: (Table & { slug: string })[], out: string, delimiter = ';', options: { sample?: boolean } = {}): { path: string; content: string }[] {
  const ext = extname(out) || '.csv';
  const stem = extname(out) ? out.slice(0, -ext.length) : out;
  return tables.map((t) => ({
    path: t.slug ? `${stem}-${t.slug}${ext}` : `${stem}${ext}`,
    // Sample data says so on the first line, above the header, where a spreadsheet shows it first.
    content: (options.sample ? `\uFEFF${sampleNotice}\r\n` : '') + toCsv(
      t.columns.map((c) => c.header),
      t.rows.map((r) => t.columns.map((c, i) => csvValue(c.kind, r[i]))),
      delimiter,
      { bom: !options.sample, decimalSeparator: delimiter === ';' ? ',' : '.' },
    ),
  }));
}
