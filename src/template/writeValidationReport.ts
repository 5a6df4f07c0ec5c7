import type ExcelJS from 'exceljs';
import { newWorkbook } from '../text/newWorkbook.ts';
import type { TemplateInfo } from '../self/templateLayout.ts';
import type { ValidationProblem } from '../self/validateSelfAssessment.ts';
import { addTableSheet, type Table } from '../text/xlsxTable.ts';

export interface ValidationReport {
  /** The report's heading; "Kontroll av självskattning" when not given. */
  title?: string;
  /** ISO date the file was checked: dates before it are in the past. */
  checkedOn: string;
  files: { file: string; template?: TemplateInfo }[];
  problems: ValidationProblem[];
}

const defaultTitle = 'Kontroll av självskattning';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function summaryLines(report: ValidationReport, escape: (text: string) => string = (t) => t): string[] {
  const n = report.problems.length;
  const blocking = report.problems.filter((p) => p.blocksImport).length;
  const files = report.files.map((f) =>
    escape(f.template ? `${f.file} (mall för ${f.template.unitName}, ${f.template.year} ${f.template.period})` : f.file));
  return [
    `Kontrollerad ${report.checkedOn}: ${files.join(', ')}.`,
    n === 0
      ? 'Inga problem hittades: filen kan läsas in som den är.'
      : blocking === 0
        ? `${n === 1 ? 'En sak' : `${n} saker`} att komplettera. Filen kan läsas in, men uppföljningen behöver uppgifterna: rätta i filen och skicka den igen.`
        : `${n === 1 ? 'En sak' : `${n} saker`} att rätta eller komplettera, varav ${blocking} gör att filen inte kan läsas in. Rätta i filen och skicka den igen.`,
    'Rad och kolumn anges som i kalkylprogrammet. "Stoppar inläsningen: ja" betyder att filen inte kan läsas in förrän det är rättat; övriga saker behövs för uppföljningen.',
  ];
}

const problemTable = (report: ValidationReport): Table => ({
  name: 'Problem',
  columns: [
    { header: 'Fil', kind: 'text' },
    { header: 'Blad', kind: 'text' },
    { header: 'Rad', kind: 'integer' },
    { header: 'Kolumn', kind: 'text' },
    { header: 'Värde i filen', kind: 'text', width: 30 },
    { header: 'Problem', kind: 'text', width: 70 },
    { header: 'Förslag', kind: 'text', width: 30 },
    { header: 'Stoppar inläsningen', kind: 'text', width: 12 },
  ],
  rows: report.problems.map((p) => [
    p.file, p.sheet ?? null, p.row ?? null, p.column ?? null, p.found ?? null, sentence(p.message),
    p.suggestions?.length ? p.suggestions.join(', ') : null, p.blocksImport ? 'ja' : 'nej',
  ]),
});

/** The report as a workbook: a summary sheet, then every problem on its own row (filterable). */
export async function validationReportWorkbook(report: ValidationReport): Promise<ExcelJS.Workbook> {
  const workbook = await newWorkbook();
  workbook.creator = 'Beredskapsuppföljning';
  const summary = workbook.addWorksheet('Sammanfattning');
  summary.getColumn(1).width = 110;
  summary.addRow([report.title ?? defaultTitle]).font = { bold: true, size: 14 };
  summary.addRow([]);
  for (const line of summaryLines(report)) summary.addRow([line]).getCell(1).alignment = { wrapText: true, vertical: 'top' };
  addTableSheet(workbook, problemTable(report));
  return workbook;
}

/**
 * Text from the file, safe in a Markdown table: every character Markdown or HTML would act on is
 * escaped (a nämnd's cell may hold `|`, `*` or `<script>`), and line breaks become spaces.
 */
export function markdownText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|&]/g, '\\$&');
}

/** The report as Markdown: the summary, then one table per file and sheet, rows in file order. */
export function validationReportMarkdown(report: ValidationReport): string {
  const out = [`# ${markdownText(report.title ?? defaultTitle)}`, '', ...summaryLines(report, markdownText).flatMap((l) => [l, '']).slice(0, -1)];
  const groups = new Map<string, ValidationProblem[]>();
  for (const p of report.problems) {
    const key = `${p.file}\u0000${p.sheet ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const problems of groups.values()) {
    const { file, sheet } = problems[0]!;
    out.push('', `## ${markdownText(file)}${sheet !== undefined ? `, blad ”${markdownText(sheet)}”` : ''}`, '');
    out.push('| Rad | Kolumn | Värde i filen | Problem | Förslag | Stoppar inläsningen |', '|---:|---|---|---|---|---|');
    for (const p of problems) {
      const cells = [p.row ?? '', p.column ?? '', p.found ?? '', sentence(p.message), p.suggestions?.join(', ') ?? '', p.blocksImport ? 'ja' : 'nej'];
      out.push(`| ${cells.map(markdownText).join(' | ')} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
