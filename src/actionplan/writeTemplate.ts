import type ExcelJS from 'exceljs';
import { newWorkbook } from '../text/newWorkbook.ts';
import { choiceText } from '../config/labels.ts';
import { addInstructions, dateCheck, textLimit, headerFill, isoDate, prefilledText, protection, styleInputRow } from '../template/writeSelfAssessmentTemplate.ts';
import { actionColumn, actionColumns, actionInfoLabels, actionInstructionSheetName, actionSheetName } from './layout.ts';
import type { ActionPlanSpec } from './templateData.ts';

export function actionInstructionLines(spec: ActionPlanSpec): string[] {
  const choices = choiceText(spec.statusLabels.map((s) => s.label));
  return [
    `Fyll i bladet ”${actionSheetName}”: en rad för varje ÖJ-fråga med brist ${spec.year} som ${spec.unitName} ansvarar för (${spec.gaps.length} st) – frågor nämnden själv besvarat med Nej, Delvis, Arbete pågår eller inte alls, och frågor andra nämnder besvarat men som ${spec.unitName} ansvarar för (kolumnen Varför nämnden säger varför). En brist som flera nämnder ansvarar för står i var och ens plan.`,
    'Åtgärd: vad som ska göras. Ansvarig: en roll eller funktion hellre än en persons namn. Klart senast: när det ska vara klart (ÅÅÅÅ-MM-DD). Varje brist ska ha en åtgärd, en ansvarig och ett datum; en rad utan åtgärd visas som en brist utan åtgärd.',
    `Status: välj ${choices} i listan.`,
    'Rader med en åtgärd från förra årets plan för samma brist är redan ifyllda: uppdatera det som har ändrats.',
    'Kolumnerna År, Nämnd, Fråga-id, Fråga, Besvarad av, Svar, Brist sedan och Varför nämnden är låsta. Ändra inte rubrikerna och ta inte bort rader: filen läses in automatiskt som den är.',
    'Skicka den ifyllda filen tillbaka till den som skickade mallen. Behöver något kompletteras får ni en rapport med blad, rad och kolumn för varje sak.',
  ];
}

/**
 * One nämnd's action plan for its ÖJ gaps of a year: an instruction sheet (recording whose plan it is)
 * and one locked row per gap with the action, owner, date, status and comment to fill in. Headers are the
 * import's own column names, so the filled file imports unedited; prefilled text is neutralised as in every
 * workbook we write, and the import takes the apostrophe off again.
 */
export async function buildActionPlanWorkbook(spec: ActionPlanSpec, createdAt = new Date()): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  workbook.creator = 'Beredskapsuppföljning';
  workbook.created = createdAt;
  workbook.title = `Åtgärdsplan ÖJ ${spec.year} ${spec.unitName}`;

  await addInstructions(workbook, {
    sheet: actionInstructionSheetName,
    title: `Åtgärdsplan för ÖJ-brister – ${spec.unitName}, ÖJ ${spec.year}`,
    sample: spec.sample,
    lines: actionInstructionLines(spec),
    info: [[actionInfoLabels.unitName, spec.unitName], [actionInfoLabels.unitId, spec.unitId], [actionInfoLabels.year, spec.year]],
  });

  const ws = workbook.addWorksheet(actionSheetName, { views: [{ state: 'frozen', ySplit: 1, activeCell: `${String.fromCharCode(64 + actionColumn('Åtgärd'))}2` }] });
  actionColumns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.addRow(actionColumns.map((c) => c.header)).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const g of spec.gaps) {
    const p = g.previous;
    const row = ws.addRow([
      spec.year, spec.unitName, g.indicatorId, g.question, g.answeringName, g.answer, g.sinceYear, g.reason,
      prefilledText(p?.action), prefilledText(p?.owner), p?.dueDate ? isoDate(p.dueDate) : null,
      spec.statusLabels.find((s) => s.code === p?.status)?.label ?? null, prefilledText(p?.comment),
    ]);
    styleInputRow(row, actionColumns);
    row.getCell(actionColumn('Klart senast')).numFmt = 'yyyy-mm-dd';
  }
  const last = spec.gaps.length + 1;
  const range = (header: Parameters<typeof actionColumn>[0]) => {
    const letter = ws.getColumn(actionColumn(header)).letter;
    return `${letter}2:${letter}${last}`;
  };
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(range('Status'), {
    type: 'list', allowBlank: true, formulae: [`"${spec.statusLabels.map((s) => s.label).join(',')}"`],
    showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Status', error: `Välj ${choiceText(spec.statusLabels.map((s) => s.label))} i listan.`,
  });
  validations.add(range('Klart senast'), dateCheck('Klart senast', '2026-09-30', 'Datum då åtgärden ska vara klar (ÅÅÅÅ-MM-DD).'));
  for (const header of ['Åtgärd', 'Ansvarig', 'Kommentar'] as const) validations.add(range(header), textLimit);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: actionColumns.length } };
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  await ws.protect('', protection);
  return workbook;
}
