import type ExcelJS from 'exceljs';
import { newWorkbook } from '../text/newWorkbook.ts';
import { dueDateRange, freeTextLimit } from '../text/validRanges.ts';
import { neutralizeFormula } from '../present/csv.js';
import { choiceText, periodPhrase, statusChoices, statusLabel } from '../config/labels.ts';
import type { TemplateSpec } from './templateData.ts';
import {
  answerSheetName, instructionSheetName, judgementColumns, judgementSheetName, templateColumn, templateColumns, templateInfoLabels, type TemplateColumn,
} from '../self/templateLayout.ts';
import { sampleNotice } from '../db/selectionInfo.ts';

export const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
// The cells to fill in are shaded, so that a reader sees where to write before the protection tells them.
const inputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF6D5' } };

/*
 * The sheets are protected without a password: the protection guards against accidents (a renamed
 * header, a deleted row) that would stop the import, not against a person who means to change the
 * file. Resizing columns and rows and filtering stay allowed.
 */
export const protection: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
};

export const prefilledText = (text: string | null | undefined) => (text ? neutralizeFormula(text) : null);

export const isoDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The import's limit on a free text, checked as it is typed. */
export const textLimit: ExcelJS.DataValidation = {
  type: 'textLength',
  operator: 'lessThanOrEqual',
  allowBlank: true,
  formulae: [freeTextLimit],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'För lång text',
  error: `Högst ${freeTextLimit.toLocaleString('sv-SE')} tecken: korta texten eller hänvisa till ett dokument.`,
};

/**
 * One nämnd's self-assessment template: an instruction sheet in Swedish (which also records whose
 * template it is, for the validation report), and an answer sheet with one row per requirement in force
 * that year. The headers are the import's own column names, so the filled file imports unedited.
 * Prefilled texts are the nämnd's own earlier answers, typed by people: they are neutralised as every
 * workbook we write neutralises text (a leading apostrophe before = + - @), because Excel turns a text
 * cell such as `=HYPERLINK(…)` into a live formula as soon as someone edits it. The import takes the
 * apostrophe off again (parseSelfAssessment), so an answer comes back exactly as it was stored.
 */
export async function buildTemplateWorkbook(spec: TemplateSpec, createdAt = new Date()): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  workbook.creator = 'Beredskapsuppföljning';
  workbook.created = createdAt;
  workbook.title = `Självskattning ${spec.unitName} ${spec.year} ${spec.period}`;
  await addInstructionSheet(workbook, spec);
  await addAnswerSheet(workbook, spec);
  await addJudgementSheet(workbook, spec);
  return workbook;
}

export function instructionLines(spec: TemplateSpec): string[] {
  const last = spec.previous && `${spec.previous.periodName} ${spec.previous.year}`;
  const lastCounts = spec.previous?.counts
    ? ` I den rapporten var ${spec.previous.counts.open} av ${spec.previous.counts.requirements} krav inte uppfyllda, varav ${spec.previous.counts.overdue} försenade vid periodens slut.`
    : '';
  const previous = !spec.previous
    ? 'Det finns ingen tidigare rapport från nämnden att utgå från, så alla rader är tomma.'
    : spec.previous.answers.size
      ? `Nämndens svar från förra rapporten (${last}) är redan ifyllda: uppdatera det som har ändrats, så behöver ni inte skriva om resten.${lastCounts}`
      : `Nämndens förra rapport (${last}) gällde andra krav (en tidigare version av programmet), så alla rader är tomma.${lastCounts}`;
  return [
    `Fyll i bladet ”${answerSheetName}”: en rad för varje krav i säkerhetsprogrammet som gäller ${spec.year} (${spec.requirements.length} krav).`,
    previous,
    `Status: välj i listan – ${choiceText(statusChoices(spec))}. Lämna inte status tom: ett krav utan status räknas som ej besvarat, och alltså som en brist.`,
    `Kommentar: en kort motivering, särskilt vid ${statusLabel(spec, 'delvis')} och ${statusLabel(spec, 'ej_aktuellt')}. Kommentar, Åtgärd, Ansvarig och Motivering rymmer högst ${freeTextLimit.toLocaleString('sv-SE')} tecken var.`,
    `Åtgärd, Ansvarig och Klart senast: för krav som inte är uppfyllda – vad som ska göras, vem som ansvarar och när det ska vara klart (datum, ÅÅÅÅ-MM-DD). Ett krav som är ${statusLabel(spec, 'ej_uppfyllt')} ska alltid ha en åtgärd.`,
    'Ansvarig: ange en roll eller funktion (till exempel ”säkerhetssamordnare”) hellre än en persons namn.',
    `Beslutsdatum och Diarienummer eller dokument: för ett krav som är ${statusLabel(spec, 'uppfyllt')} – beslutet som visar det (till exempel dagen då risk- och sårbarhetsanalysen antogs och dess diarienummer). Krav med en tidsfrist (risk- och sårbarhetsanalysen till länsstyrelsen, övning under mandatperioden …) räknas som uppfyllda i tid bara med ett beslut från den period som gäller; ett beslut från förra mandatperioden räcker inte.`,
    `Fyll också i bladet ”${judgementSheetName}”: nämndens egen bedömning av måluppfyllelsen per fokusområde (${choiceText(spec.attainmentLabels.map((a) => a.label))}) med en motivering – samma bedömning som i stadens ledningssystem. Den redovisas som nämndens bedömning, bredvid den andel uppfyllda krav som räknas fram ur svaren.`,
    'Kolumnerna År, Period, Nämnd, Krav, Fokusområde och Kravtext är låsta. Ändra inte rubrikerna, lägg inte till kolumner och ta inte bort rader: filen läses in automatiskt som den är.',
    'Skicka den ifyllda filen tillbaka till den som skickade mallen. Behöver något kompletteras får ni en rapport med blad, rad och kolumn för varje sak.',
  ];
}

async function addInstructionSheet(workbook: ExcelJS.Workbook, spec: TemplateSpec): Promise<void> {
  await addInstructions(workbook, {
    sheet: instructionSheetName,
    title: `Självskattning enligt säkerhetsprogrammet – ${spec.unitName}, ${spec.year} ${periodPhrase(spec.periodName, spec.periodEnd.slice(5))}`,
    sample: spec.sample,
    lines: instructionLines(spec),
    info: [
      [templateInfoLabels.unitName, spec.unitName],
      [templateInfoLabels.unitId, spec.unitId],
      [templateInfoLabels.year, spec.year],
      [templateInfoLabels.period, spec.period],
      [templateInfoLabels.previous, spec.previous?.answers.size ? `${spec.previous.periodName} ${spec.previous.year}` : 'ingenting'],
    ],
  });
}

/**
 * A template's instruction sheet: its title (and Exempeldata), the numbered lines on how to fill it in,
 * and the "Om mallen" block (label in column A, value in B) that says whose template it is. Protected.
 */
export async function addInstructions(
  workbook: ExcelJS.Workbook,
  content: { sheet: string; title: string; sample?: boolean; lines: string[]; info: [string, string | number][] },
): Promise<void> {
  const ws = workbook.addWorksheet(content.sheet);
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 90;
  ws.addRow([content.title]).font = { bold: true, size: 14 };
  if (content.sample) ws.addRow([sampleNotice]).font = { bold: true, size: 14, color: { argb: 'FF9C0006' } };
  ws.addRow([]);
  ws.addRow(['Så här fyller du i mallen']).font = { bold: true };
  content.lines.forEach((line, i) => {
    const row = ws.addRow([`${i + 1}.`, line]);
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'right' };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.addRow([]);
  ws.addRow(['Om mallen']).font = { bold: true };
  for (const [key, value] of content.info) ws.addRow([key, value]).getCell(2).alignment = { horizontal: 'left' };
  await ws.protect('', protection);
}

/** A template row: text at the top, wrapped where the column wraps; the cells to fill in unlocked and shaded. */
export function styleInputRow(row: ExcelJS.Row, columns: readonly TemplateColumn[]): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.alignment = { vertical: 'top', wrapText: c.wrap };
    if (!c.input) return;
    cell.protection = { locked: false };
    cell.fill = inputFill;
  });
}

/** A date cell's check: a day of dueDateRange, the error and the prompt said in Swedish. */
export const dateCheck = (title: string, example: string, prompt: string): ExcelJS.DataValidation => ({
  type: 'date',
  operator: 'between',
  allowBlank: true,
  formulae: [isoDate(dueDateRange.from), isoDate(dueDateRange.to)],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: title,
  error: `Skriv ett datum, till exempel ${example}.`,
  showInputMessage: true,
  promptTitle: title,
  prompt,
});

async function addAnswerSheet(workbook: ExcelJS.Workbook, spec: TemplateSpec): Promise<void> {
  const ws = workbook.addWorksheet(answerSheetName, { views: [{ state: 'frozen', ySplit: 1, activeCell: 'G2' }] });
  templateColumns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const header = ws.addRow(templateColumns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });

  for (const r of spec.requirements) {
    const previous = spec.previous?.answers.get(r.requirementId);
    const status = previous && previous.status !== 'ej_svar' ? spec.statusLabels.find((s) => s.code === previous.status)?.label ?? null : null;
    const row = ws.addRow([
      spec.year, spec.period, spec.unitName, r.requirementId, r.fokusomrade, r.text,
      status, prefilledText(previous?.comment), prefilledText(previous?.plannedAction), prefilledText(previous?.owner),
      previous?.dueDate ? isoDate(previous.dueDate) : null,
      previous?.decisionDate ? isoDate(previous.decisionDate) : null, prefilledText(previous?.decisionRef),
    ]);
    styleInputRow(row, templateColumns);
    row.getCell(templateColumn('Klart senast')).numFmt = 'yyyy-mm-dd';
    row.getCell(templateColumn('Beslutsdatum')).numFmt = 'yyyy-mm-dd';
  }
  // One validation per column range: exceljs merges per-cell validations into overlapping ranges
  // (it sorts G10 before G2), which spreadsheet programs may reject.
  const lastRow = spec.requirements.length + 1;
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const range = (header: Parameters<typeof templateColumn>[0]) => {
    const letter = ws.getColumn(templateColumn(header)).letter;
    return `${letter}2:${letter}${lastRow}`;
  };
  validations.add(range('Status'), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${statusChoices(spec).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Status',
    error: `Välj ${choiceText(statusChoices(spec))} i listan.`,
  });
  validations.add(range('Klart senast'), dateCheck('Klart senast', '2025-09-30', 'Datum då åtgärden ska vara klar (ÅÅÅÅ-MM-DD).'));
  validations.add(range('Beslutsdatum'), dateCheck('Beslutsdatum', '2027-05-12', 'Dagen då beslutet som visar att kravet är uppfyllt fattades (ÅÅÅÅ-MM-DD).'));
  validations.add(`${range('Kommentar').split(':')[0]}:${range('Ansvarig').split(':')[1]}`, textLimit);
  validations.add(range('Diarienummer eller dokument'), textLimit);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: templateColumns.length } };
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  await ws.protect('', protection);
}

/**
 * The sheet for nämndens bedömning: one row per fokusområde with a list of Helt / Delvis / Ej and a
 * motivering, prefilled with the unit's latest earlier judgement. It is the unit's own judgement, stored
 * apart from the computed share (unit_judgement).
 */
async function addJudgementSheet(workbook: ExcelJS.Workbook, spec: TemplateSpec): Promise<void> {
  const ws = workbook.addWorksheet(judgementSheetName, { views: [{ state: 'frozen', ySplit: 1, activeCell: 'E2' }] });
  judgementColumns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const header = ws.addRow(judgementColumns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = headerFill;
  });
  for (const goal of spec.judgementGoals) {
    const previous = goal.previous && spec.attainmentLabels.find((a) => a.code === goal.previous!.judgement)?.label;
    const row = ws.addRow([spec.year, spec.period, spec.unitName, goal.title, previous ?? null, goal.previous?.motivering ?? null]);
    styleInputRow(row, judgementColumns);
  }
  const letter = ws.getColumn(judgementColumns.findIndex((c) => c.header === 'Nämndens bedömning') + 1).letter;
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${spec.judgementGoals.length + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${spec.attainmentLabels.map((a) => a.label).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Nämndens bedömning',
    error: `Välj ${choiceText(spec.attainmentLabels.map((a) => a.label))} i listan.`,
  });
  const motivering = ws.getColumn(judgementColumns.findIndex((c) => c.header === 'Motivering') + 1).letter;
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${motivering}2:${motivering}${spec.judgementGoals.length + 1}`, textLimit);
  await ws.protect('', protection);
}
