import type { Catalog, OrgUnit, UnitResolution } from '../config/catalog.ts';
import { groupProblems, ProblemList, type Problem } from '../imports/problems.ts';
import { parseYear } from '../imports/validRanges.ts';
import { cellText, columnLabel, columnLetter, type CellValue, type Grid } from '../text/grid.ts';
import { compactHeader, HeaderMatcher, PairMatcher, type OjColumnRole } from './headerWords.ts';
import {
  aggregateLevels, checkDuplicates, parseAnswer, parseShare, type OjAnswerRow, type OjShareRow, type ShareScale,
} from './ojRows.ts';

/** How far down a sheet the header row may be (title and explanation rows come above it). */
const headerSearchRows = 60;

/** What a sheet was read as; a sheet can hold kommun answers and län/riket shares together. */
export type SheetRole = 'kommun_answers' | 'stadsdel_answers' | 'aggregate_shares' | 'description' | 'ignored' | 'unreadable';
/** Why a row was not read as a unit's answers; `outside`: cells of a unit's row in no column that is read. */
export type SkipReason = 'blank' | 'note' | 'heading' | 'outside';

export interface ColumnReading {
  column: string;
  header: string;
  reading: 'key' | 'indicator' | 'ignored' | 'unknown';
  role?: OjColumnRole;
  indicatorId?: string;
  /** How the header met the catalog: exactly, or as a set of significant words. */
  how?: 'exact' | 'words';
  note?: string;
}

export interface SheetReading {
  sheet: string;
  roles: SheetRole[];
  reason: string;
  headerRows: number[];
  columns: ColumnReading[];
  rowsRead: number;
  rowsSkipped: Record<SkipReason, number>;
  answers: number;
  shares: number;
  shareScale?: ShareScale;
}

/** Everything `beredskap inspect` shows and the import stores: per sheet what was read, and every problem. */
export interface WorkbookReading {
  file: string;
  year?: number;
  yearSource?: string;
  sheets: SheetReading[];
  answers: OjAnswerRow[];
  shares: OjShareRow[];
  rowsRead: number;
  rowsSkipped: Record<SkipReason, number>;
  problems: Problem[];
}

type Row = Grid['rows'][number];
/** A row's unit, or the problem with it: made only when the row turns out to need it (suggestions cost an edit-distance search). */
type Resolved = { unit: OrgUnit } | { problem: () => Omit<Problem, 'file'> } | { none: true };

const unitRoles: OjColumnRole[] = ['stadsdel', 'kommun_code', 'kommun', 'code', 'name', 'lan_code', 'lan'];
const strongAnswers = new Set(['ja', 'nej', 'delvis', 'pagar']);
const noteStart = /^(källa|källor|not|noter|anm|anmärkning|fotnot|obs|kommentar|\*|¹|²|³|†|\(\d\))/i;
const answeringKinds = (unit: OrgUnit) => !aggregateLevels[unit.kind];

/**
 * The matchers and lookups one workbook's reading needs, built once from the catalog. A national sheet
 * repeats a few dozen distinct texts thousands of times, so each question is answered once per text.
 */
class Vocabulary {
  readonly areas: HeaderMatcher;
  readonly verksamheter: HeaderMatcher;
  readonly pairs: PairMatcher;
  private readonly keyRoles = new Map<string, OjColumnRole>();
  private readonly keyRoleOf = new Map<string, OjColumnRole | undefined>();
  private readonly strongAnswerOf = new Map<string, boolean>();

  constructor(readonly catalog: Catalog) {
    this.areas = new HeaderMatcher(catalog.entries('oj_area'));
    this.verksamheter = new HeaderMatcher(catalog.entries('oj_verksamhet'));
    this.pairs = new PairMatcher(this.areas, this.verksamheter, catalog.entries('oj_area'), catalog.entries('oj_verksamhet'));
    for (const e of catalog.entries('oj_column')) this.keyRoles.set(compactHeader(e.text), e.value as OjColumnRole);
  }

  keyRole(text: string): OjColumnRole | undefined {
    if (!text) return undefined;
    if (!this.keyRoleOf.has(text)) this.keyRoleOf.set(text, this.keyRoles.get(compactHeader(text)));
    return this.keyRoleOf.get(text);
  }

  isStrongAnswer(value: CellValue): boolean {
    if (typeof value !== 'string') return false;
    let strong = this.strongAnswerOf.get(value);
    if (strong === undefined) this.strongAnswerOf.set(value, (strong = strongAnswers.has(this.catalog.lookup('oj_answer', value) ?? '')));
    return strong;
  }

  /** A number or a per-cent text: what a published share looks like. */
  isShareLike(value: CellValue): boolean {
    if (typeof value === 'number') return value >= 0 && value <= 100;
    return typeof value === 'string' && /^\d{1,3}([.,]\d+)?\s*%/.test(value.trim());
  }
}

const vocabularies = new WeakMap<Catalog, Vocabulary>();
function vocabularyOf(catalog: Catalog): Vocabulary {
  let v = vocabularies.get(catalog);
  if (!v) vocabularies.set(catalog, (v = new Vocabulary(catalog)));
  return v;
}

const text = (v: CellValue | undefined) => cellText(v ?? null);

/** A header on one line: "Läns-\nkod" → "Läns-kod". */
export const flatHeader = (header: string) => header.replace(/-\s+/g, '-').replace(/\s+/g, ' ');

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
  const stated = statedYear(layouts, options.file);
  const reading: WorkbookReading = {
    file: options.file, sheets: [], answers: [], shares: [], rowsRead: 0,
    rowsSkipped: { blank: 0, note: 0, heading: 0, outside: 0 }, problems: [],
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
    for (const p of layout.problems) problems.add({ sheet: grid.sheet, ...p() });
    if (year === undefined) continue;

    const indicators = indicatorColumns(layout, catalog, year, (p) => problems.add({ sheet: grid.sheet, ...p }));
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
        problems.add({
          sheet: grid.sheet, row: row.line, column: columnLabel(grid, c.index, layout.columns.find((l) => l.column === columnLetter(c.index))?.header), found: c.text,
          message: 'svaret står i en kolumn utan känd rubrik, utanför tabellen, och skulle inte läsas',
          fix: 'Flytta det till rätt kolumn eller ta bort det.',
        });
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
  reading.problems = groupProblems(problems.items);
  return reading;
}

function addRole(sheet: SheetReading, role: SheetRole): void {
  if (!sheet.roles.includes(role)) sheet.roles.push(role);
}

/** A sheet without a result header: a description when it has no answers; unreadable (an error) when it has. */
function classifyOtherSheet(grid: Grid, vocab: Vocabulary, sheet: SheetReading, problems: ProblemList): void {
  const answerRows = grid.rows.filter((r) => r.cells.filter((c) => vocab.isStrongAnswer(c)).length >= 2);
  if (answerRows.length >= 2) {
    sheet.roles = ['unreadable'];
    sheet.reason = `${answerRows.length} rader med svar (Ja/Nej) men ingen rubrikrad med känd nyckelkolumn`;
    const above = grid.rows.filter((r) => r.line < answerRows[0]!.line).at(-1);
    const headers = above ? above.cells.map((c) => text(c)).filter(Boolean).slice(0, 4) : [];
    problems.add({
      sheet: grid.sheet, row: answerRows[0]!.line,
      message: `bladet har svar (Ja/Nej) på ${answerRows.length} rader men ingen rubrikrad med en känd nyckelkolumn (Kommun, Kommunkod, Stadsdel, Län …)` +
        (headers.length ? `; rubrikerna ovanför är ${headers.map((h) => `"${h}"`).join(', ')}` : ''),
      fix: headers.length ? `Om "${headers[0]}" anger enheten: lägg till raden stadsdel,${csvField(headers[0]!)} (eller kommun,…) i data/vocab/oj_columns.csv.` : undefined,
    });
    return;
  }
  sheet.roles = [grid.rows.length ? 'description' : 'ignored'];
  sheet.reason = grid.rows.length ? 'ingen rubrikrad med nyckelkolumn och inga svar: läses inte' : 'tomt blad';
}

/** An indicator column placed by its headers; its indicator id depends on the year. */
interface PlacedColumn {
  index: number;
  label: string;
  area: string;
  verksamhet: string;
  row: number;
  reading: ColumnReading;
}

interface Layout {
  headerRows: number[];
  lastHeaderLine: number;
  keyColumns: Map<OjColumnRole, number>;
  placed: PlacedColumn[];
  columns: ColumnReading[];
  /** Made only for the reading chosen: suggestions cost an edit-distance search each. */
  problems: (() => Omit<Problem, 'file'>)[];
  titleTexts: string[];
}

/**
 * The header of a result sheet: the first row near the top naming a key column (Kommun, Stadsdel,
 * Län…) whose header, read as two levels (area over verksamhet, the area row above or below it) or one,
 * places indicator columns or has answers beneath it. Undefined: not a result sheet.
 */
function findLayout(grid: Grid, vocab: Vocabulary): Layout | undefined {
  const limit = Math.min(grid.rows.length, headerSearchRows);
  for (let k = 0; k < limit; k++) {
    const row = grid.rows[k]!;
    const roles = row.cells.map((c) => vocab.keyRole(text(c)));
    if (!roles.some((r) => r && unitRoles.includes(r))) continue;
    const layout = layoutAt(grid, k, vocab);
    if (layout) return layout;
  }
  return undefined;
}

function layoutAt(grid: Grid, k: number, vocab: Vocabulary): Layout | undefined {
  const rows = grid.rows;
  const header = rows[k]!;
  const adjacent = (i: number, line: number) => (rows[i]?.line === line ? rows[i] : undefined);
  const isHeaderLike = (r: Row | undefined) => !!r && !r.cells.some((c) => vocab.isStrongAnswer(c) || vocab.isShareLike(c));
  const above = isHeaderLike(adjacent(k - 1, header.line - 1)) ? rows[k - 1] : undefined;
  const below = isHeaderLike(adjacent(k + 1, header.line + 1)) ? rows[k + 1] : undefined;
  const width = Math.max(...rows.map((r) => r.cells.length));
  const keyAt = (i: number, headerRows: Row[]) => headerRows.map((r) => vocab.keyRole(text(r.cells[i]))).find(Boolean);

  const candidates: { rows: Row[]; area?: Row; verksamhet?: Row; oneLevel?: Row }[] = [];
  if (below) candidates.push({ rows: [header, below], area: header, verksamhet: below });
  if (above) candidates.push({ rows: [above, header], area: above, verksamhet: header });
  candidates.push({ rows: [header], oneLevel: header });
  if (below) candidates.push({ rows: [header, below], oneLevel: below });

  // The candidates share their data rows when they end on the same line: each column's content is judged once.
  const answerLike = new Map<string, boolean>();
  let best: { layout: Layout; recognised: number } | undefined;
  for (const c of candidates) {
    const layout = readColumns(grid, c, width, vocab, keyAt, answerLike);
    const recognised = layout.placed.length;
    // Ties go to the reading with fewer header rows, so a title row is never taken for a header.
    if (!best || recognised > best.recognised || (recognised === best.recognised && layout.headerRows.length < best.layout.headerRows.length)) best = { layout, recognised };
  }
  const layout = best!.layout;
  const hasKey = [...layout.keyColumns.keys()].some((r) => unitRoles.includes(r));
  if (!hasKey) return undefined;
  if (!layout.placed.length && !layout.columns.some((c) => c.reading === 'unknown')) return undefined;
  return layout;
}

/** Reads each column of a header candidate: key role, indicator, or unknown (an error only when answers lie beneath it). */
function readColumns(
  grid: Grid,
  c: { rows: Row[]; area?: Row; verksamhet?: Row; oneLevel?: Row },
  width: number,
  vocab: Vocabulary,
  keyAt: (i: number, rows: Row[]) => OjColumnRole | undefined,
  answerLikeMemo: Map<string, boolean>,
): Layout {
  const lastHeaderLine = Math.max(...c.rows.map((r) => r.line));
  const dataRows = grid.rows.filter((r) => r.line > lastHeaderLine);
  const firstLine = Math.min(...c.rows.map((r) => r.line));
  const layout: Layout = {
    headerRows: c.rows.map((r) => r.line), lastHeaderLine, keyColumns: new Map(), placed: [], columns: [], problems: [],
    titleTexts: grid.rows.filter((r) => r.line < firstLine).flatMap((r) => r.cells.map((v) => text(v))).filter(Boolean),
  };
  // Answers (Ja, Nej…) or shares under a header: content that must be read, never skipped. Under a key
  // header only answers count, since codes and counts are numbers too.
  const answerLike = (i: number, sharesCount = true) => {
    const key = `${lastHeaderLine}:${i}:${sharesCount}`;
    let like = answerLikeMemo.get(key);
    if (like !== undefined) return like;
    let hits = 0;
    let filled = 0;
    for (const r of dataRows) {
      const v = r.cells[i] ?? null;
      if (text(v) === '') continue;
      filled++;
      if (vocab.isStrongAnswer(v) || (sharesCount && vocab.isShareLike(v))) hits++;
    }
    answerLikeMemo.set(key, (like = hits >= 2 && hits * 2 >= filled));
    return like;
  };
  const catalog = vocab.catalog;
  let areaText = '';
  for (let i = 0; i < width; i++) {
    const headerTexts = c.rows.map((r) => text(r.cells[i])).filter((t, j, all) => t && all.indexOf(t) === j);
    const shown = headerTexts.join(' / ');
    const letter = columnLetter(i);
    const role = keyAt(i, c.rows);
    const ownArea = c.area ? text(c.area.cells[i]) : '';
    // An area is written once over its verksamheter (merged or not): carried right until the next one, never over a key column.
    if (role) areaText = '';
    else if (ownArea) areaText = ownArea;
    let placed: { area: string; verksamhet: string; how: 'exact' | 'words' } | undefined;
    let trouble: { message: string; problem: () => Omit<Problem, 'file'> } | undefined;
    const at = { row: (c.verksamhet ?? c.oneLevel ?? c.rows[0]!).line, column: columnLabel(grid, i, shown) };
    const keyHoldsAnswers = !!role && answerLike(i, false);
    if (!role || keyHoldsAnswers) {
      const verksamhetText = c.verksamhet ? text(c.verksamhet.cells[i]) : '';
      if (c.verksamhet && areaText && verksamhetText) {
        const area = vocab.areas.match(areaText);
        const verksamhet = vocab.verksamheter.match(verksamhetText);
        if (area && 'value' in area && verksamhet && 'value' in verksamhet) {
          placed = { area: area.value, verksamhet: verksamhet.value, how: area.how === 'words' || verksamhet.how === 'words' ? 'words' : 'exact' };
        } else if (area && 'ambiguous' in area) {
          trouble = known({ ...at, found: areaText, message: `rubriken kan betyda flera indikatorområden (${area.ambiguous.join(', ')}); lägg till en entydig stavning` });
        } else if (verksamhet && 'ambiguous' in verksamhet) {
          trouble = known({ ...at, found: verksamhetText, message: `rubriken kan betyda flera verksamheter (${verksamhet.ambiguous.join(', ')}); lägg till en entydig stavning` });
        } else if (area && !verksamhet) {
          trouble = { message: 'okänd verksamhet', problem: () => unknownHeader({ ...at, index: i, grid }, 'verksamhet', verksamhetText, catalog) };
        } else if (!area && verksamhet) {
          const found = areaText;
          trouble = { message: 'okänt indikatorområde', problem: () => unknownHeader({ ...at, index: i, grid }, 'area', found, catalog) };
        }
      } else {
        const own = c.oneLevel ? text(c.oneLevel.cells[i]) : text(c.area?.cells[i]) || verksamhetText;
        const pair = own ? vocab.pairs.match(own) : undefined;
        if (pair && 'area' in pair) placed = { ...pair, how: 'words' };
        else if (pair) trouble = known({ ...at, found: own, message: `rubriken kan betyda flera indikatorer (${pair.ambiguous.join(', ')}); lägg till en entydig stavning` });
      }
    }
    if (placed) {
      // A two-level header is shown whole, its area carried from the cell it was written in.
      const full = c.verksamhet && areaText && !headerTexts.includes(areaText) ? [areaText, ...headerTexts].join(' / ') : shown;
      layout.columns.push({ column: letter, header: full, reading: 'indicator', how: placed.how });
      layout.placed.push({ index: i, label: columnLabel(grid, i, full), area: placed.area, verksamhet: placed.verksamhet, row: at.row, reading: layout.columns.at(-1)! });
      continue;
    }
    if (trouble) {
      layout.columns.push({ column: letter, header: shown, reading: 'unknown', note: trouble.message });
      layout.problems.push(trouble.problem);
      continue;
    }
    if (role && !keyHoldsAnswers) {
      const taken = layout.keyColumns.has(role);
      if (!taken) layout.keyColumns.set(role, i);
      layout.columns.push({ column: letter, header: shown, reading: taken ? 'ignored' : 'key', role, note: taken ? 'en kolumn till med samma roll: den första används' : undefined });
      continue;
    }
    if (answerLike(i)) {
      const found = shown || '(tom rubrik)';
      layout.columns.push({ column: letter, header: shown, reading: 'unknown', note: 'okänd rubrik med svar under' });
      layout.problems.push(() => ({
        ...at, found,
        message: 'kolumnen har svar men rubriken är varken en nyckelkolumn eller ett känt område – verksamhet',
        suggestions: [...catalog.suggest('oj_area', found).slice(0, 1), ...catalog.suggest('oj_verksamhet', found).slice(0, 2)],
        fix: `Lägg till stavningen i data/vocab/oj_area_headers.csv (område) och data/vocab/oj_verksamhet_headers.csv (verksamhet), eller raden ignore,${csvField(found)} i data/vocab/oj_columns.csv om kolumnen ska hoppas över.`,
      }));
      continue;
    }
    const units = role ? [] : unitNamesIn(dataRows, i, catalog);
    if (units.length >= 2) {
      layout.columns.push({ column: letter, header: shown, reading: 'unknown', note: 'okänd rubrik med enhetsnamn under' });
      layout.problems.push(() => ({
        row: c.rows[0]!.line, column: columnLabel(grid, i, shown), found: shown,
        message: `kolumnen anger enheter (${units.slice(0, 3).join(', ')}) men rubriken är ingen känd nyckelkolumn`,
        fix: `Lägg till raden stadsdel,${csvField(shown)} i data/vocab/oj_columns.csv (eller kommun,… om den anger kommuner).`,
      }));
      continue;
    }
    if (shown) layout.columns.push({ column: letter, header: shown, reading: 'ignored', role, note: role === 'ignore' ? 'känd kolumn som inte läses' : 'okänd rubrik utan svar under' });
  }
  return layout;
}

const known = (problem: Omit<Problem, 'file'>) => ({ message: problem.message, problem: () => problem });

/** Distinct cell texts of a column that are known unit names: a key column whose header is not known. */
function unitNamesIn(rows: Row[], i: number, catalog: Catalog): string[] {
  const names = new Set<string>();
  for (const r of rows) {
    const t = text(r.cells[i]);
    if (t && !/^\d+$/.test(t) && catalog.isUnitName(t)) names.add(t);
  }
  return [...names];
}

/** Each placed column's indicator for the year, or a problem when the catalog has none then. */
function indicatorColumns(layout: Layout, catalog: Catalog, year: number, problem: (p: Omit<Problem, 'file'>) => void) {
  const columns: { index: number; label: string; indicatorId: string }[] = [];
  for (const p of layout.placed) {
    const indicator = catalog.indicatorFor(p.area, p.verksamhet, year);
    if ('problem' in indicator) {
      p.reading.reading = 'unknown';
      p.reading.note = indicator.problem;
      problem({ row: p.row, column: p.label, message: indicator.problem });
      continue;
    }
    p.reading.indicatorId = indicator.indicator_id;
    columns.push({ index: p.index, label: p.label, indicatorId: indicator.indicator_id });
  }
  return columns;
}

/** An unknown area or verksamhet header: the closest known spellings and the exact line that would make it known. */
function unknownHeader(at: { row: number; column: string; index: number; grid: Grid }, kind: 'area' | 'verksamhet', found: string, catalog: Catalog): Omit<Problem, 'file'> {
  const vocabKind = kind === 'area' ? 'oj_area' : 'oj_verksamhet';
  const suggestions = catalog.suggest(vocabKind, found);
  const guess = suggestions.length ? catalog.lookup(vocabKind, suggestions[0]!) : undefined;
  const keys = [...new Set(catalog.entries(vocabKind).map((e) => e.value))];
  const file = kind === 'area' ? 'data/vocab/oj_area_headers.csv' : 'data/vocab/oj_verksamhet_headers.csv';
  return {
    row: at.row, column: columnLabel(at.grid, at.index, found), found, suggestions,
    message: kind === 'area' ? 'okänt indikatorområde' : 'okänd verksamhet',
    fix: `Lägg till raden ${guess ?? keys[0]},${csvField(found)} i ${file}` + ` (första fältet är ett av ${keys.join(', ')}).`,
  };
}

/** A value as one CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return /[",;]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/**
 * The unit a data row names, the most specific first: stadsdel, then kommun (by code or name), then a
 * name of any unit, then län. A län beside a kommun is context, never the row's unit. Undefined key
 * cells: a note or blank row. Text in a code column that is no code is read as a name.
 */
function resolveRow(row: Row, layout: Layout, catalog: Catalog, year: number): Resolved {
  const date = catalog.measureDate(year);
  const cell = (role: OjColumnRole) => (layout.keyColumns.has(role) ? text(row.cells[layout.keyColumns.get(role)!]) : '');
  const at = (role: OjColumnRole, found: string) => ({ row: row.line, column: columnLetter(layout.keyColumns.get(role)!), found });
  const byCode = (role: OjColumnRole): Resolved => {
    const code = cell(role).replace(/\.0+$/, '');
    if (!code) return { none: true };
    if (!/^\d+$/.test(code)) return { none: true };
    if (/^0+$/.test(code)) return { unit: catalog.unit('riket')! };
    if (code.length <= 2) {
      const lan = catalog.unit(`lan-${code.padStart(2, '0')}`);
      return lan ? { unit: lan } : { problem: () => ({ ...at(role, code), message: 'okänd länskod' }) };
    }
    const kommun = catalog.kommunByCodeText(code);
    return kommun ? { unit: kommun } : { problem: () => ({ ...at(role, code), message: 'okänd kommunkod (finns inte i data/org/kommuner.csv)' }) };
  };
  const byName = (role: OjColumnRole, options: { kommunCode?: string; subUnit?: boolean } = {}): Resolved => {
    const name = cell(role);
    if (!name || /^\d+$/.test(name)) return { none: true };
    // A text that is no unit's name at all (a footnote, a source line) is resolved, with its suggestions, only when reported.
    const known = catalog.isUnitName(name) ? catalog.resolveUnit(name, date, options) : undefined;
    if (known && 'unit' in known) return known;
    return {
      problem: () => {
        // Without a known result the text is no unit's name, which resolveUnit reports as such.
        const r = (known ?? catalog.resolveUnit(name, date, options)) as Extract<UnitResolution, { problem: string }>;
        const guess = r.suggestions[0] ? catalog.resolveUnit(r.suggestions[0], date) : undefined;
        const guessId = guess && 'unit' in guess ? guess.unit.unit_id : 'ENHETS_ID';
        return {
          ...at(role, name), message: r.problem, suggestions: r.suggestions,
          fix: r.problem === 'okänd enhet' ? `Är det en känd enhet med annan stavning: lägg till raden ${csvField(name)},${guessId},, i data/org/aliases.csv.` : undefined,
        };
      },
    };
  };
  const kommunByCode = layout.keyColumns.has('kommun_code') ? byCode('kommun_code') : layout.keyColumns.has('code') ? byCode('code') : { none: true } as Resolved;
  const kommunByName = byName('kommun');
  const kommun = 'unit' in kommunByCode ? kommunByCode : kommunByName;
  if ('unit' in kommunByCode && 'unit' in kommunByName && kommunByCode.unit.unit_id !== kommunByName.unit.unit_id && kommunByName.unit.kind === 'kommun') {
    const [byCodeUnit, byNameUnit] = [kommunByCode.unit, kommunByName.unit];
    return { problem: () => ({ ...at('kommun', cell('kommun')), message: `kommunkoden ${cell(layout.keyColumns.has('kommun_code') ? 'kommun_code' : 'code')} är ${byCodeUnit.name} men namnet säger ${byNameUnit.name}` }) };
  }
  const kommunCode = 'unit' in kommun && kommun.unit.kind === 'kommun' ? kommun.unit.kommun_code ?? undefined : undefined;
  // A code is checked against the catalog even when a name beside it is known.
  const lanByCode = byCode('lan_code');
  const badCode = [kommunByCode, lanByCode].find((r) => 'problem' in r);
  if (badCode) return badCode;
  // Most specific first; evaluated lazily, since a later step is needed only when the earlier ones find nothing.
  const order: (() => Resolved)[] = [
    () => byName('stadsdel', { kommunCode, subUnit: true }),
    () => kommunByCode, () => kommunByName,
    () => (layout.keyColumns.has('code') && layout.keyColumns.has('kommun_code') ? byCode('code') : { none: true }),
    () => byName('name', { kommunCode }),
    () => byName('code'),
    () => lanByCode,
    () => byName('lan'),
  ];
  let problem: Resolved | undefined;
  for (const step of order) {
    const r = step();
    if ('unit' in r) return r;
    if ('problem' in r) problem ??= r;
  }
  return problem ?? { none: true };
}

/** The unit as the row spells it: its most specific non-empty key cell. */
function unitTextOf(row: Row, layout: Layout): string {
  for (const role of unitRoles) {
    const i = layout.keyColumns.get(role);
    if (i !== undefined && text(row.cells[i])) return text(row.cells[i]);
  }
  return '';
}

/**
 * Whether a sheet's published shares are fractions (0.635) or per cent (63.5): fractions when every
 * share written without a per-cent sign is at most 1. A cell formatted as per cent is read as per cent.
 */
function shareScale(rows: { row: Row; unit: Resolved }[], indicators: { index: number }[], catalog: Catalog): ShareScale | undefined {
  const numbers: number[] = [];
  for (const { row, unit } of rows) {
    if (!('unit' in unit) || !aggregateLevels[unit.unit.kind]) continue;
    for (const c of indicators) {
      const v = row.cells[c.index] ?? null;
      if (typeof v === 'number') numbers.push(v);
      else if (typeof v === 'string' && /^\d+([.,]\d+)?$/.test(v.trim()) && !catalog.lookup('oj_answer', v)) numbers.push(Number(v.trim().replace(',', '.')));
    }
  }
  if (!numbers.length) return undefined;
  return numbers.every((n) => n <= 1) ? 'fraction' : 'percent';
}

/**
 * A row's non-empty cells in columns that are not `handled` (no header, or an unknown one without answers under it):
 * an answer there (Ja, Nej …, or a per-cent share on an aggregate's row) would be lost, so it is
 * returned to be told; anything else is counted among what was skipped.
 */
function outsideCells(row: Row, handled: Set<string>, vocab: Vocabulary, aggregate: boolean): { answers: { index: number; text: string }[]; others: number } {
  const answers: { index: number; text: string }[] = [];
  let others = 0;
  row.cells.forEach((value, index) => {
    if (text(value) === '' || handled.has(columnLetter(index))) return;
    if (vocab.isStrongAnswer(value) || (aggregate && typeof value === 'string' && /%/.test(value) && vocab.isShareLike(value))) answers.push({ index, text: text(value) });
    else others++;
  });
  return { answers, others };
}

/** A row of notes or sources under a table: text that starts like a footnote, or one text across merged cells. */
function isNoteRow(row: Row, vocab: Vocabulary): boolean {
  const texts = row.cells.map((c) => text(c)).filter(Boolean);
  if (texts.some((t) => vocab.isStrongAnswer(t))) return false;
  return noteStart.test(texts[0] ?? '') || new Set(texts).size === 1;
}

/**
 * The survey year from title rows and sheet names, else from the file name; or why it is unclear.
 * Each result sheet is asked on its own: two sheets that each name one year, and not the same one,
 * are a workbook of two years (a sheet copied in from last year's file), told with the sheets named.
 */
function statedYear(layouts: { grid: Grid; layout: Layout | undefined }[], file: string): { year?: number; where?: string; problem?: string; disagree?: boolean } {
  const sheets = layouts.filter((l) => l.layout).map(({ grid, layout }) => ({ sheet: grid.sheet ?? '', years: yearsInText([grid.sheet ?? '', ...layout!.titleTexts]) }));
  const byYear = new Map<number, string[]>();
  for (const s of sheets) if (s.years.length === 1) byYear.set(s.years[0]!, [...(byYear.get(s.years[0]!) ?? []), `"${s.sheet}"`]);
  if (byYear.size > 1) {
    const which = [...byYear].sort(([a], [b]) => a - b).map(([y, names]) => `${names.join(', ')} ${y}`).join('; ');
    return { disagree: true, problem: `bladen anger olika år (${which}); en fil ska gälla ett år: ta bort eller flytta det blad som gäller ett annat år, eller rätta dess rubrik` };
  }
  const fromTitles = [...new Set(sheets.flatMap((s) => s.years))].sort();
  if (fromTitles.length === 1) return { year: fromTitles[0], where: 'i rubrikerna' };
  const fromName = yearsInText([file.replace(/^.*[\\/]/, '')]);
  if (fromName.length === 1) return { year: fromName[0], where: 'i filnamnet' };
  return {
    problem: fromTitles.length > 1
      ? `året är oklart (rubrikerna nämner ${fromTitles.join(', ')}); ange --year`
      : 'året framgår varken av rubrikerna eller filnamnet; ange --year',
  };
}

/** Years named in title rows or a sheet name, e.g. "Öppna jämförelser 2024"; 2010–2039 only. */
export function yearsInText(texts: string[]): number[] {
  const years = new Set<number>();
  for (const t of texts) for (const m of t.matchAll(/(?<!\d)(20[1-3]\d)(?!\d)/g)) years.add(Number(m[1]));
  return [...years].sort();
}
