import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from './problems.ts';
import { unzippedSizeProblem } from './unzippedSize.ts';
import type { CellValue, Grid } from './grid.ts';

/** A cell's value as the user sees it: rich text joined, formulas by their result, percentages as "57 %". */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    return /%/.test(cell.numFmt ?? '') ? `${Math.round(v * 1000) / 10} %` : v;
  }
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null || typeof result === 'object' ? null : result;
  }
  if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  return null;
}

/**
 * Every worksheet as a grid. Merged cells read as their master's value in each covered cell. A formula
 * whose result the file does not carry (never calculated) is recorded in `uncomputed`: the parsers name
 * such a cell instead of reading it as empty. Each row is read up to its own last cell, so a sheet is read
 * in time proportional to its cells.
 */
export function gridsFromWorkbook(workbook: ExcelJS.Workbook, file: string): Grid[] {
  return workbook.worksheets.map((ws) => {
    const rows: Grid['rows'] = [];
    const uncomputed = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      // Up to the row's last cell; cells never written stay null (asking exceljs for them would create them).
      const cells: CellValue[] = new Array<CellValue>(row.cellCount).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cellValue(cell);
        if (value === null && isUncomputedFormula(cell)) uncomputed.add(`${r}:${c - 1}`);
        cells[c - 1] = value;
      });
      if (cells.some((c) => c !== null && String(c).trim() !== '')) rows.push({ line: r, cells });
    });
    return { file, sheet: ws.name, format: 'xlsx' as const, rows, uncomputed };
  });
}

function isUncomputedFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
}

/**
 * Every sheet of an .xlsx as a grid: what each importer reads (ÖJ, self-assessment, judgement). Bad input
 * is an InputError naming the file: a zip that would unpack too large (refused before exceljs unpacks it),
 * bytes exceljs cannot read, a zip without a workbook in it.
 */
export async function workbookGrids(bytes: Buffer, name: string): Promise<Grid[]> {
  return gridsFromWorkbook(await loadWorkbook(bytes, name), name);
}

/** A workbook from disk, checked as workbookGrids checks it. */
export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(readFileSync(path), basename(path));
}

async function loadWorkbook(bytes: Buffer, name: string): Promise<ExcelJS.Workbook> {
  // Checked before exceljs sees the bytes: it unpacks everything into memory, a zip bomb included.
  const unsafe = unzippedSizeProblem(bytes);
  if (unsafe) throw new InputError([{ file: name, message: `filen kan inte läsas som .xlsx: ${unsafe}` }]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // exceljs's own words ("Cannot set properties of undefined") say nothing a user can act on.
    throw new InputError([{ file: name, message: 'filen kan inte läsas som .xlsx: en del av arbetsboken är skadad eller ofullständig; öppna den i Excel, spara den som .xlsx och försök igen' }]);
  }
  // A zip without xl/workbook.xml loads as a workbook with no sheets: not an Excel file at all.
  if (!workbook.worksheets.length) {
    throw new InputError([{ file: name, message: 'filen är ingen Excel-arbetsbok: den saknar arbetsbokens delar (xl/workbook.xml och blad); spara den som .xlsx i Excel och försök igen' }]);
  }
  return workbook;
}
