import type { Catalog } from '../config/catalog.ts';
import type { Problem } from '../text/problems.ts';
import { csvField } from '../text/csvField.ts';
import { cellText as text, columnLabel, columnLetter, type Grid } from '../text/grid.ts';
import type { OjColumnRole } from '../text/headerWords.ts';
import { settleUnitColumns, unitContent, type InferredKey, type UnitColumn, type UnitContent } from './keyByContent.ts';
import type { ColumnReading } from './workbookReading.ts';
import type { Vocabulary } from './workbookVocabulary.ts';

type Row = Grid['rows'][number];

/** How far down a sheet the header row may be (title and explanation rows come above it). */
const headerSearchRows = 60;

/** Key roles that name a row's unit (the others, n and ignore, are context). */
export const unitRoles: OjColumnRole[] = ['stadsdel', 'kommun_code', 'kommun', 'code', 'name', 'lan_code', 'lan'];

/** An indicator column placed by its headers; its indicator id depends on the year. */
interface PlacedColumn {
  index: number;
  label: string;
  area: string;
  verksamhet: string;
  row: number;
  reading: ColumnReading;
}

export interface Layout {
  headerRows: number[];
  lastHeaderLine: number;
  keyColumns: Map<OjColumnRole, number>;
  placed: PlacedColumn[];
  columns: ColumnReading[];
  /** Made only for the reading chosen: suggestions cost an edit-distance search each. */
  problems: (() => Omit<Problem, 'file'>)[];
  /** A key column that cannot be read: the sheet's rows are not read, and this one problem says so. */
  blocking?: () => Omit<Problem, 'file'>;
  /** Key columns taken by their content, their header being unknown. */
  inferred: InferredKey[];
  titleTexts: string[];
}

/**
 * The header of a result sheet: the first row near the top naming a key column (Kommun, Stadsdel,
 * Län…) whose header, read as two levels (area over verksamhet, the area row above or below it) or one,
 * places indicator columns or has answers beneath it. Undefined: not a result sheet.
 */
export function findLayout(grid: Grid, vocab: Vocabulary): Layout | undefined {
  const limit = Math.min(grid.rows.length, headerSearchRows);
  for (let k = 0; k < limit; k++) {
    const row = grid.rows[k]!;
    const roles = row.cells.map((c) => vocab.keyRole(text(c)));
    if (!roles.some((r) => r && unitRoles.includes(r))) continue;
    const layout = layoutAt(grid, k, vocab);
    if (layout) return layout;
  }
  // No header names a key column: one whose column holds unit names may be a key by its content.
  for (let k = 0; k < limit; k++) {
    if (!unitNamesBelow(grid, k, vocab)) continue;
    const layout = layoutAt(grid, k, vocab);
    if (layout) return layout;
  }
  return undefined;
}

/** Whether a row of two or more headers has a unit's name under one of them, in one of the next two rows. */
function unitNamesBelow(grid: Grid, k: number, vocab: Vocabulary): boolean {
  const header = grid.rows[k]!;
  if (header.cells.filter((c) => text(c)).length < 2) return false;
  return grid.rows.slice(k + 1, k + 3).some((r) => r.cells.some((c, i) => {
    const t = text(c);
    return t && !/^\d+$/.test(t) && text(header.cells[i]) && vocab.catalog.isUnitName(t);
  }));
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
  const unitContents = new Map<string, UnitContent | undefined>();
  let best: { layout: Layout; recognised: number } | undefined;
  for (const c of candidates) {
    const layout = readColumns(grid, c, width, vocab, keyAt, answerLike, unitContents);
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
  unitContentMemo: Map<string, UnitContent | undefined>,
): Layout {
  const lastHeaderLine = Math.max(...c.rows.map((r) => r.line));
  const dataRows = grid.rows.filter((r) => r.line > lastHeaderLine);
  const firstLine = Math.min(...c.rows.map((r) => r.line));
  const layout: Layout = {
    headerRows: c.rows.map((r) => r.line), lastHeaderLine, keyColumns: new Map(), placed: [], columns: [], problems: [], inferred: [],
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
  const unitsUnder = (i: number) => {
    const key = `${lastHeaderLine}:${i}`;
    if (!unitContentMemo.has(key)) unitContentMemo.set(key, unitContent(dataRows, i, catalog));
    return unitContentMemo.get(key);
  };
  const unitColumns: UnitColumn[] = [];
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
    // Unit names under a header that is no key: a key by its content, or a problem, once every column is read.
    const units = placed || role ? undefined : unitsUnder(i);
    if (units) {
      areaText = '';
      layout.columns.push({ column: letter, header: shown, reading: 'unknown' });
      unitColumns.push({ index: i, label: columnLabel(grid, i, shown), header: shown, headerRow: c.rows[0]!.line, content: units, reading: layout.columns.at(-1)! });
      continue;
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
    if (shown) layout.columns.push({ column: letter, header: shown, reading: 'ignored', role, note: role === 'ignore' ? 'känd kolumn som inte läses' : 'okänd rubrik utan svar under' });
  }
  const settled = settleUnitColumns(unitColumns, layout.keyColumns, (i) => columnLabel(grid, i, layout.columns.find((r) => r.column === columnLetter(i))?.header));
  layout.inferred = settled.inferred;
  layout.problems.push(...settled.problems);
  layout.blocking = settled.blocking;
  return layout;
}

const known = (problem: Omit<Problem, 'file'>) => ({ message: problem.message, problem: () => problem });

/** Each placed column's indicator for the year, or a problem when the catalog has none then. */
export function indicatorColumns(layout: Layout, catalog: Catalog, year: number, problem: (p: Omit<Problem, 'file'>) => void) {
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
