// Test support for the round-trip tests (not used by the CLI): filling a template the way a person does.
import ExcelJS from 'exceljs';
import { answerSheetName, templateColumn } from '../self/templateLayout.ts';

export interface Answer {
  status?: string | null;
  comment?: string | null;
  action?: string | null;
  owner?: string | null;
  due?: Date | null;
  decision?: Date | null;
  decisionRef?: string | null;
  /** Overwrites a prefilled cell a person should not touch (to test what the report says about it). */
  unit?: string;
  requirement?: string;
  year?: number;
}

/**
 * Opens a template, types answers into the rows of the requirements named (by the Krav cell), and saves
 * it as a person's spreadsheet program would: cells set as values, nothing else changed.
 */
export async function fillTemplate(path: string, answers: Record<string, Answer>, savePath = path): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const ws = workbook.getWorksheet(answerSheetName)!;
  const seen = new Set<string>();
  ws.eachRow((row, n) => {
    const id = String(row.getCell(templateColumn('Krav')).value ?? '');
    const a = answers[id];
    if (n === 1 || !a) return;
    seen.add(id);
    const set = (header: Parameters<typeof templateColumn>[0], value: ExcelJS.CellValue | undefined) => {
      if (value !== undefined) row.getCell(templateColumn(header)).value = value;
    };
    set('Status', a.status);
    set('Kommentar', a.comment);
    set('Åtgärd', a.action);
    set('Ansvarig', a.owner);
    set('Klart senast', a.due);
    set('Beslutsdatum', a.decision);
    set('Diarienummer eller dokument', a.decisionRef);
    set('Nämnd', a.unit);
    set('Krav', a.requirement);
    set('År', a.year);
  });
  const missing = Object.keys(answers).filter((id) => !seen.has(id));
  if (missing.length) throw new Error(`no template row for ${missing.join(', ')}`);
  await workbook.xlsx.writeFile(savePath);
  return savePath;
}

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
