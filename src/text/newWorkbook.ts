import type ExcelJS from 'exceljs';

/**
 * A new, empty ExcelJS workbook. exceljs is loaded here on first use rather than when a command starts:
 * it is a third of the command line's start-up, and most commands write no workbook.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import('exceljs');
  return new exceljs.Workbook();
}
