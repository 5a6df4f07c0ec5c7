import ExcelJS from 'exceljs';
import { sampleNotice } from '../cli/selectionInfo.ts';
import { dueDateRange } from '../imports/validRanges.ts';
import { choiceText } from '../roundtrip/labels.ts';
import { headerFill, inputFill, isoDate, prefilledText, protection } from '../roundtrip/writeSelfAssessmentTemplate.ts';
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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Beredskapsuppföljning';
  workbook.created = createdAt;
  workbook.title = `Åtgärdsplan ÖJ ${spec.year} ${spec.unitName}`;

  const info = workbook.addWorksheet(actionInstructionSheetName);
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 90;
  info.addRow([`Åtgärdsplan för ÖJ-brister – ${spec.unitName}, ÖJ ${spec.year}`]).font = { bold: true, size: 14 };
  if (spec.sample) info.addRow([sampleNotice]).font = { bold: true, size: 14, color: { argb: 'FF9C0006' } };
  info.addRow([]);
  info.addRow(['Så här fyller du i planen']).font = { bold: true };
  actionInstructionLines(spec).forEach((line, i) => {
    const row = info.addRow([`${i + 1}.`, line]);
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'right' };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  info.addRow([]);
  info.addRow(['Om mallen']).font = { bold: true };
  for (const [key, value] of [[actionInfoLabels.unitName, spec.unitName], [actionInfoLabels.unitId, spec.unitId], [actionInfoLabels.year, spec.year]] as const) {
    info.addRow([key, value]).getCell(2).alignment = { horizontal: 'left' };
  }
  await info.protect('', protection);

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
    actionColumns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.alignment = { vertical: 'top', wrapText: c.wrap };
      if (!c.input) return;
      cell.protection = { locked: false };
      cell.fill = inputFill;
    });
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
  validations.add(range('Klart senast'), {
    type: 'date', operator: 'between', allowBlank: true, formulae: [isoDate(dueDateRange.from), isoDate(dueDateRange.to)],
    showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Klart senast', error: 'Skriv ett datum, till exempel 2026-09-30.',
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: actionColumns.length } };
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  await ws.protect('', protection);
  return workbook;
}
