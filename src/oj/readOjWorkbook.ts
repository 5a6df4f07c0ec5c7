import type { Catalog, OrgUnit } from '../config/catalog.ts';
import { ProblemList, type Problem } from '../text/problems.ts';
import { parseYear } from '../text/validRanges.ts';
import { csvField } from '../text/csvField.ts';
import { cellText as text, columnLabel, columnLetter, type Grid } from '../text/grid.ts';
import { normalizeText } from '../text/normalize.ts';
import { aggregateLevels, checkDuplicates, parseAnswer, parseShare, type OjAnswerRow } from './ojRows.ts';
import { classifyOtherSheet } from './otherSheets.ts';
import { isNoteRow, outsideCells } from './rowsAroundTable.ts';
import { resolveRow, unitTextOf } from './rowUnit.ts';
import { shareScale } from './shareScale.ts';
import { keyRoleWord, type InferredKey } from './keyByContent.ts';
import { findLayout, indicatorColumns, type Layout } from './sheetLayout.ts';
import { statedYear } from './statedYear.ts';
import { addRole, flatHeader, type SheetReading, type SkipReason, type WorkbookReading } from './workbookReading.ts';
import { vocabularyOf } from './workbookVocabulary.ts';

export type { ColumnReading, SheetReading, SheetRole, SkipReason, WorkbookReading } from './workbookReading.ts';

const answeringKinds = (unit: OrgUnit) => !aggregateLevels[unit.kind];

/**
 * Reads an ÖJ workbook of any layout: every sheet is given a role by its headers and content (never by
 * its name), key columns are found by header text in any order, indicator columns by area and
 * verksamhet headers (two-level or one-level), and each row's unit is the most specific one it names.
 * Pure: returns what was read, how, and every problem; parseOjWorkbook throws on the problems.
 */
export function readOjWorkbook(grids: Grid[], catalog: Catalog, options: { file: string; year?: number; onRow?: (done: number, total: number) => void }): WorkbookReading {
  const vocab = vocabularyOf(catalog);
  const problems = new ProblemList(options.file);
  const layouts = grids.map((grid) => ({ grid, layout: findLayout(grid, vocab) }));
  const stated = statedYear(layouts.flatMap(({ grid, layout }) => (layout ? [{ sheet: grid.sheet ?? '', titleTexts: layout.titleTexts }] : [])), options.file);
  const reading: WorkbookReading = {
    file: options.file, sheets: [], answers: [], shares: [], rowsRead: 0,
    rowsSkipped: { blank: 0, note: 0, heading: 0, outside: 0 }, notes: [], problems: [],
  };
  if (options.year !== undefined && stated.year !== undefined && stated.year !== options.year) {
    problems.add({ message: `filen anger året ${stated.year} (${stated.where}) men --year ${options.year} angavs; ta bort --year eller kontrollera filen` });
  }
  // Sheets that disagree on the year are refused whatever --year or the file name says: one of them
  // would be stored under another year than its own.
  const year = stated.disagree ? undefined : options.year ?? stated.year;
  reading.year = year;
  reading.yearSource = options.year !== undefined ? '--year' : stated.where;
  if (year === undefined) problems.add({ message: stated.problem! });
  const inRange = year === undefined ? undefined : parseYear(String(year));
  if (inRange && 'problem' in inRange) problems.add({ found: String(year), message: `${inRange.problem} (året står ${reading.yearSource})` });

  const total = grids.reduce((n, g) => n + g.rows.length, 0);
  let done = 0;
  // Rows that name an answering unit but carry no answer at all: a heading ("Stockholm" above its
  // stadsdelar) when the unit has answers elsewhere in the file, else a unit that answered nothing.
  const emptyUnitRows: { unit: OrgUnit; sheet: SheetReading; make: () => OjAnswerRow[] }[] = [];
  for (const { grid, layout } of layouts) {
    const sheet: SheetReading = {
      sheet: grid.sheet ?? '', roles: [], reason: '', headerRows: [], columns: [], rowsRead: 0,
      rowsSkipped: { blank: 0, note: 0, heading: 0, outside: 0 }, answers: 0, shares: 0,
    };
    reading.sheets.push(sheet);
    if (!layout) {
      classifyOtherSheet(grid, vocab, sheet, problems);
      continue;
    }
    sheet.headerRows = layout.headerRows;
    sheet.columns = layout.columns;
    sheet.reason = 'rubrikrad med ' + layout.columns.filter((c) => c.reading === 'key' && c.role !== 'ignore' && c.role !== 'n').map((c) => `"${flatHeader(c.header)}"`).join(', ');
    // The same unknown header on several sheets is one problem, with one line to add.
    for (const p of layout.problems) addHeaderProblem(problems, grid.sheet, p());
    if (layout.blocking) {
      addHeaderProblem(problems, grid.sheet, layout.blocking());
      sheet.roles = ['unreadable'];
      continue;
    }
    if (year === undefined) continue;

    const indicators = indicatorColumns(layout, catalog, year, (p) => problems.add({ sheet: grid.sheet, ...p }, { cause: `indicator:${p.message}` }));
    const dataRows = grid.rows.filter((r) => r.line > layout.lastHeaderLine);
    const resolved = dataRows.map((row) => ({ row, unit: resolveRow(row, layout, catalog, year) }));
    // Key, indicator and known context columns, and those already told as unreadable: the rest are outside the table.
    const handled = new Set(layout.columns.filter((c) => c.reading !== 'ignored' || c.role).map((c) => c.column));
    const scale = shareScale(resolved, indicators, catalog);
    if (scale) sheet.shareScale = scale;
    let previousLine = layout.lastHeaderLine;
    for (const { row, unit } of resolved) {
      options.onRow?.(done++, total);
      // Blank rows (between län groups, above footnotes) are not in the grid: counted from the gaps.
      if (previousLine !== undefined && row.line > previousLine + 1 && previousLine > layout.lastHeaderLine) sheet.rowsSkipped.blank += row.line - previousLine - 1;
      previousLine = row.line;
      const values = indicators.map((c) => row.cells[c.index] ?? null);
      const texts = values.map((v) => text(v));
      const hasValues = texts.some((t) => t !== '');
      const outside = outsideCells(row, handled, vocab, 'unit' in unit && !!aggregateLevels[unit.unit.kind]);
      for (const c of outside.answers) {
        const header = layout.columns.find((l) => l.column === columnLetter(c.index))?.header;
        problems.add({
          sheet: grid.sheet, row: row.line, column: columnLabel(grid, c.index, header), found: c.text,
          message: 'svaret står i en kolumn utan känd rubrik, utanför tabellen, och skulle inte läsas',
          fix: 'Flytta det till rätt kolumn eller ta bort det.',
        }, header ? { after: headerCause(header) } : undefined);
      }
      if ('unit' in unit) sheet.rowsSkipped.outside += outside.others;
      if ('none' in unit || 'problem' in unit) {
        if (!hasValues || isNoteRow(row, vocab)) {
          sheet.rowsSkipped.note++;
          continue;
        }
        problems.add({ sheet: grid.sheet, ...('problem' in unit ? unit.problem() : { row: row.line, message: 'raden har svar men ingen enhet (varken stadsdel, kommun, län eller riket)' }) });
        continue;
      }
      const u = unit.unit;
      const level = aggregateLevels[u.kind];
      if (!hasValues && level) {
        sheet.rowsSkipped.heading++;
        continue;
      }
      if (grid.uncomputed?.size) {
        for (const c of [...layout.keyColumns.values(), ...indicators.map((i) => i.index)]) {
          if (grid.uncomputed.has(`${row.line}:${c}`)) {
            problems.add({ sheet: grid.sheet, row: row.line, column: columnLetter(c), message: 'cellen innehåller en formel utan sparat värde (filen har inte räknats om); öppna filen i Excel, låt den räknas om och spara' });
          }
        }
      }
      const unitText = unitTextOf(row, layout);
      const nText = layout.keyColumns.has('n') ? text(row.cells[layout.keyColumns.get('n')!]) : '';
      const rowN = nText && Number.isFinite(Number(nText)) ? Number(nText) : null;
      const sheetName = grid.sheet ?? null;
      const rowAnswers: OjAnswerRow[] = [];
      for (let k = 0; k < indicators.length; k++) {
        const column = indicators[k]!;
        const raw = values[k]!;
        const rawText = texts[k]!;
        if (level) {
          const share = parseShare(catalog, raw, scale ?? 'percent');
          if (share) {
            reading.shares.push({
              year, unit_id: u.unit_id, indicator_id: column.indicatorId, raw_text: rawText, unit_text: unitText, sheet: sheetName, row: row.line, column: column.label,
              level, share_ja: share.share, n_units: share.n, n_respondents_row: rowN,
            });
            sheet.shares++;
          } else {
            problems.add({ sheet: grid.sheet, row: row.line, column: column.label, found: rawText, message: `andelen för ${u.name} kan inte läsas (väntade procent som "57", "57 %" eller "57,5 %", eller andel som 0,57)` });
          }
          continue;
        }
        const answer = parseAnswer(catalog, raw);
        if (answer) {
          rowAnswers.push({ year, unit_id: u.unit_id, indicator_id: column.indicatorId, raw_text: rawText, unit_text: unitText, sheet: sheetName, row: row.line, column: column.label, answer });
        } else {
          problems.add({
            sheet: grid.sheet, row: row.line, column: column.label, found: rawText, message: 'okänt svar',
            suggestions: catalog.suggest('oj_answer', rawText),
            fix: `Betyder det något känt: lägg till raden ${csvField(rawText)},SVAR i data/vocab/oj_answers.csv (SVAR = ja, nej, delvis, pagar, ej_aktuellt eller ej_svar).`,
          });
        }
      }
      addRole(sheet, level ? 'aggregate_shares' : u.kind === 'kommun' ? 'kommun_answers' : 'stadsdel_answers');
      if (!hasValues && answeringKinds(u)) {
        emptyUnitRows.push({ unit: u, sheet, make: () => rowAnswers });
        continue;
      }
      reading.answers.push(...rowAnswers);
      sheet.answers += rowAnswers.length;
      sheet.rowsRead++;
    }
  }
  const answered = new Set(reading.answers.map((a) => a.unit_id));
  for (const e of emptyUnitRows) {
    if (answered.has(e.unit.unit_id)) {
      e.sheet.rowsSkipped.heading++;
      continue;
    }
    const rows = e.make();
    reading.answers.push(...rows);
    e.sheet.answers += rows.length;
    e.sheet.rowsRead++;
  }
  for (const s of reading.sheets) {
    if (!s.roles.length && s.headerRows.length) s.roles.push('ignored');
    if (s.roles.includes('ignored') && !s.reason) s.reason = 'inga rader med enheter under rubrikraden';
    reading.rowsRead += s.rowsRead;
    for (const k of Object.keys(s.rowsSkipped) as SkipReason[]) reading.rowsSkipped[k] += s.rowsSkipped[k];
  }
  if (!reading.sheets.some((s) => s.headerRows.length) && !problems.items.length) {
    problems.add({ message: 'inget resultatblad hittades: inget blad har en rubrikrad med Kommun, Kommunkod, Stadsdel, Län eller liknande och svar under den' });
  }
  checkDuplicates([...reading.answers, ...reading.shares], problems);
  reading.notes = inferredKeyNotes(layouts);
  reading.problems = problems.settled();
  return reading;
}

const headerCause = (header: string) => `header:${normalizeText(header)}`;

function addHeaderProblem(problems: ProblemList, sheet: string | undefined, p: Omit<Problem, 'file'>): void {
  problems.add({ sheet, ...p }, p.found ? { cause: headerCause(p.found) } : undefined);
}

/** One note per header taken as a key by its content, naming where, and the line that would make it explicit. */
function inferredKeyNotes(layouts: { grid: Grid; layout: Layout | undefined }[]): string[] {
  const byHeader = new Map<string, { where: string[]; key: InferredKey }>();
  for (const { grid, layout } of layouts) {
    for (const key of layout?.inferred ?? []) {
      const id = `${key.role}\t${normalizeText(key.header)}`;
      if (!byHeader.has(id)) byHeader.set(id, { where: [], key });
      byHeader.get(id)!.where.push(`blad "${grid.sheet ?? ''}", kolumn ${key.label}`);
    }
  }
  return [...byHeader.values()].map(({ where, key }) => {
    const names = `${key.names.slice(0, 3).join(', ')}${key.names.length > 3 ? ', …' : ''}`;
    return `${where.join('; ')}: tolkad som ${keyRoleWord[key.role] ?? key.role} utifrån innehållet (${names}). ` +
      `Raden ${key.role},${csvField(key.header)} i data/vocab/oj_columns.csv gör det uttryckligt.`;
  });
}
