import type ExcelJS from 'exceljs';
import { neutralizeFormula } from '../present/csv.js';

/** How a column's values are written: text, numbers as numbers, shares as percentages, real dates. */
export type ColumnKind = 'text' | 'integer' | 'number' | 'share' | 'date' | 'datetime';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  width?: number;
}

export interface Table {
  name: string;
  columns: TableColumn[];
  rows: unknown[][];
}

const numFmts: Partial<Record<ColumnKind, string>> = { share: '0.0%', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', number: '0.0##' };

/** "2025-09-30" or "2025-09-30 14:05:00" as the Date exceljs writes for that wall-clock time. */
function toDate(value: unknown): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?/.exec(String(value));
  return m ? new Date(`${m[1]}T${m[2] ?? '00:00'}Z`) : null;
}

/**
 * A value as the cell it becomes. Text goes through the same formula neutralisation as CSV: a string
 * cell is not a formula in the file, but Excel turns it into one as soon as someone edits the cell.
 */
export function xlsxValue(kind: ColumnKind, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'text':
      return neutralizeFormula(String(value));
    case 'date':
    case 'datetime':
      return toDate(value);
    default: {
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
  }
}

const displayLength = (value: unknown) => (value === null || value === undefined ? 0 : String(value).length);

/**
 * One table as a worksheet a reader can filter at once: Swedish header row, bold and frozen, an auto
 * filter over it, column widths from the content (capped, long text wrapped).
 */
export function addTableSheet(workbook: ExcelJS.Workbook, table: Table): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const values of table.rows) ws.addRow(table.columns.map((c, i) => xlsxValue(c.kind, values[i])));
  table.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    const longest = Math.max(displayLength(c.header), ...table.rows.slice(0, 500).map((r) => displayLength(r[i])));
    column.width = c.width ?? Math.min(Math.max(longest + 2, c.kind === 'date' ? 12 : c.kind === 'datetime' ? 17 : 8), 60);
    const fmt = numFmts[c.kind];
    if (fmt) column.eachCell({ includeEmpty: false }, (cell, row) => { if (row > 1) cell.numFmt = fmt; });
    if (c.kind === 'text' && column.width >= 40) {
      column.eachCell({ includeEmpty: false }, (cell, row) => { if (row > 1) cell.alignment = { wrapText: true, vertical: 'top' }; });
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return ws;
}
