import type { Catalog } from '../config/catalog.ts';
import { ProblemList } from '../imports/problems.ts';
import { cellText, columnLabel, type CellValue, type Grid } from '../text/grid.ts';
import { normalizeText } from '../text/normalize.ts';
import {
  aggregateLevels, checkDuplicates, parseAnswer, parseShare, resolveRowUnit,
  type OjAnswerRow, type OjParseResult, type OjShareRow,
} from './ojRows.ts';

/** How far down a sheet the header row may be (title and explanation rows come above it). */
const headerSearchRows = 40;

interface IndicatorColumn {
  index: number;
  label: string;
  indicatorId: string;
}

interface SheetLayout {
  codeColumn?: number;
  nameColumn?: number;
  nColumn?: number;
  indicators: IndicatorColumn[];
  dataStart: number;
}

const text = (v: CellValue | undefined) => cellText(v ?? null);

/** The row holding "Kommunkod" / "Kommun" / "Stadsdel"…: the first row with a known key column header. */
function findHeaderRow(grid: Grid, catalog: Catalog): number {
  return grid.rows.slice(0, headerSearchRows).findIndex((row) =>
    row.cells.some((c) => ['code', 'name'].includes(catalog.lookup('oj_column', text(c)) ?? '')),
  );
}

/** Years named in title rows or a sheet name, e.g. "Öppna jämförelser 2024"; 2010–2039 only. */
export function yearsInText(texts: string[]): number[] {
  const years = new Set<number>();
  for (const t of texts) for (const m of t.matchAll(/(?<!\d)(20[1-3]\d)(?!\d)/g)) years.add(Number(m[1]));
  return [...years].sort();
}

/**
 * Reads a result sheet's header: key columns by their text; indicator columns from a two-level header
 * (area, often merged, over verksamhet) or a one-level "area – verksamhet" header. The area row is
 * filled forward, since an area may be written once over its verksamheter without a merge.
 */
function readLayout(grid: Grid, headerIndex: number, catalog: Catalog, year: number, problems: ProblemList): SheetLayout {
  const header = grid.rows[headerIndex]!;
  const below = grid.rows[headerIndex + 1];
  const above = headerIndex > 0 ? grid.rows[headerIndex - 1] : undefined;
  const width = Math.max(...grid.rows.map((r) => r.cells.length));
  const layout: SheetLayout = { indicators: [], dataStart: headerIndex + 1 };
  const keyColumns = new Set<number>();
  header.cells.forEach((c, i) => {
    const role = catalog.lookup('oj_column', text(c));
    if (!role) return;
    keyColumns.add(i);
    if (role === 'code' && layout.codeColumn === undefined) layout.codeColumn = i;
    if (role === 'name' && layout.nameColumn === undefined) layout.nameColumn = i;
    if (role === 'n' && layout.nColumn === undefined) layout.nColumn = i;
  });
  const isVerksamhetRow = (row: Grid['rows'][number] | undefined) =>
    !!row && row.cells.some((c, i) => !keyColumns.has(i) && catalog.lookup('oj_verksamhet', text(c)) !== undefined);
  let areaRow = header;
  let verksamhetRow: typeof header | undefined;
  if (isVerksamhetRow(below) && below!.line === header.line + 1) {
    verksamhetRow = below;
    layout.dataStart = headerIndex + 2;
  } else if (isVerksamhetRow(header) && above && above.line === header.line - 1) {
    areaRow = above;
    verksamhetRow = header;
  }

  const reported = new Set<string>();
  const report = (column: number, found: string, message: string, suggestions: string[]) => {
    if (reported.has(`${message}/${normalizeText(found)}`)) return;
    reported.add(`${message}/${normalizeText(found)}`);
    problems.add({ sheet: grid.sheet, row: (verksamhetRow ?? header).line, column: columnLabel(grid, column, found), found, message, suggestions });
  };
  let areaText = '';
  for (let i = 0; i < width; i++) {
    if (keyColumns.has(i)) continue;
    const ownArea = text(areaRow.cells[i]);
    if (ownArea) areaText = ownArea;
    const verksamhetText = verksamhetRow ? text(verksamhetRow.cells[i]) : '';
    let area: string | undefined;
    let verksamhet: string | undefined;
    let shown: string;
    if (verksamhetRow) {
      if (!verksamhetText && !ownArea) continue;
      shown = `${areaText} / ${verksamhetText}`;
      area = catalog.lookup('oj_area', areaText);
      verksamhet = catalog.lookup('oj_verksamhet', verksamhetText);
      if (!area) report(i, areaText, 'okänt indikatorområde', catalog.suggest('oj_area', areaText));
      if (!verksamhet) report(i, verksamhetText, 'okänd verksamhet', catalog.suggest('oj_verksamhet', verksamhetText));
    } else {
      if (!ownArea) continue;
      shown = ownArea;
      [area, verksamhet] = splitOneLevelHeader(ownArea, catalog);
      if (!area || !verksamhet) {
        report(i, ownArea, 'okänd kolumn (varken nyckelkolumn eller indikatorområde – verksamhet)', [
          ...catalog.suggest('oj_column', ownArea).slice(0, 1), ...catalog.suggest('oj_area', ownArea).slice(0, 2),
        ]);
        continue;
      }
    }
    if (!area || !verksamhet) continue;
    const indicator = catalog.indicatorFor(area, verksamhet, year);
    if ('problem' in indicator) {
      report(i, shown, indicator.problem, []);
      continue;
    }
    layout.indicators.push({ index: i, label: columnLabel(grid, i, shown), indicatorId: indicator.indicator_id });
  }
  if (layout.nameColumn === undefined && layout.codeColumn === undefined) {
    problems.add({ sheet: grid.sheet, row: header.line, message: 'rubrikraden saknar kolumn för kommun eller enhet' });
  }
  return layout;
}

/** "Plan för evakuering – Särskilt boende" (or with ":" or "/") → [area, verksamhet]. */
function splitOneLevelHeader(header: string, catalog: Catalog): [string | undefined, string | undefined] {
  const parts = header.split(/\s[-–—:/]\s|:\s*|\s*\/\s*/);
  for (let cut = 1; cut < parts.length; cut++) {
    const area = catalog.lookup('oj_area', parts.slice(0, cut).join(' - '));
    const verksamhet = catalog.lookup('oj_verksamhet', parts.slice(cut).join(' - '));
    if (area && verksamhet) return [area, verksamhet];
  }
  return [undefined, undefined];
}

/**
 * Parses an ÖJ workbook's result sheets (any sheet with a recognisable header row; read-me and
 * description sheets are skipped) into answers and published shares for `year`, or the year found in
 * the title rows or file name. Every problem in the file is collected before anything is thrown.
 */
export function parseOjWorkbook(
  grids: Grid[],
  catalog: Catalog,
  options: { file: string; year?: number; onRow?: (done: number, total: number) => void },
): OjParseResult {
  const problems = new ProblemList(options.file);
  const resultSheets = grids
    .map((grid) => ({ grid, headerIndex: findHeaderRow(grid, catalog) }))
    .filter((s) => s.headerIndex >= 0);
  if (!resultSheets.length) {
    problems.add({ message: `inget resultatblad hittades (ingen rubrikrad med ${catalog.suggest('oj_column', 'kommun').join(' / ')})` });
    problems.throwIfAny();
  }
  const stated = statedYear(resultSheets, options.file);
  if (options.year !== undefined && stated.year !== undefined && stated.year !== options.year) {
    problems.add({ message: `filen anger året ${stated.year} (${stated.where}) men --year ${options.year} angavs; ta bort --year eller kontrollera filen` });
  }
  if (options.year === undefined && stated.year === undefined) problems.add({ message: stated.problem! });
  const year = options.year ?? stated.year;
  problems.throwIfAny();

  const answers: OjAnswerRow[] = [];
  const shares: OjShareRow[] = [];
  const total = resultSheets.reduce((n, s) => n + s.grid.rows.length, 0);
  let rowsRead = 0;
  for (const { grid, headerIndex } of resultSheets) {
    const layout = readLayout(grid, headerIndex, catalog, year!, problems);
    for (const row of grid.rows.slice(layout.dataStart)) {
      options.onRow?.(rowsRead, total);
      const values = layout.indicators.map((c) => row.cells[c.index] ?? null);
      const hasValues = values.some((v) => text(v) !== '');
      const code = layout.codeColumn !== undefined ? row.cells[layout.codeColumn] ?? null : null;
      const name = layout.nameColumn !== undefined ? row.cells[layout.nameColumn] ?? null : null;
      const resolved = resolveRowUnit(catalog, code, name, year!);
      if ('problem' in resolved) {
        // Footnote, source and section rows carry no answers: skipped. A named row with answers is not.
        if (hasValues) {
          problems.add({ sheet: grid.sheet, row: row.line, column: columnLabel(grid, layout.nameColumn ?? layout.codeColumn ?? 0), found: resolved.found, message: resolved.problem, suggestions: resolved.suggestions });
        }
        continue;
      }
      rowsRead++;
      const unit = resolved.unit;
      const level = aggregateLevels[unit.kind];
      const rowN = layout.nColumn !== undefined ? Number(text(row.cells[layout.nColumn])) || null : null;
      layout.indicators.forEach((column, k) => {
        const raw = values[k]!;
        const ref = { year: year!, unit_id: unit.unit_id, indicator_id: column.indicatorId, raw_text: text(raw), unit_text: text(name) || text(code), sheet: grid.sheet ?? null, row: row.line, column: column.label };
        if (level) {
          const share = parseShare(catalog, raw);
          if (share) shares.push({ ...ref, level, share_ja: share.share, n_units: share.n, n_respondents_row: rowN });
          else problems.add({ sheet: grid.sheet, row: row.line, column: column.label, found: text(raw), message: `andelen för ${unit.name} kan inte läsas (väntade procent, t.ex. "57" eller "57 %")` });
          return;
        }
        const answer = parseAnswer(catalog, raw);
        if (answer) answers.push({ ...ref, answer });
        else problems.add({ sheet: grid.sheet, row: row.line, column: column.label, found: text(raw), message: 'okänt svar', suggestions: catalog.suggest('oj_answer', text(raw)) });
      });
    }
  }
  checkDuplicates([...answers, ...shares], problems);
  problems.throwIfAny();
  return { years: [year!], answers, shares, rowsRead };
}

/** The survey year from title rows and sheet names, else from the file name; or why it is unclear. */
function statedYear(sheets: { grid: Grid; headerIndex: number }[], file: string): { year?: number; where?: string; problem?: string } {
  const titleTexts = sheets.flatMap(({ grid, headerIndex }) => [
    grid.sheet ?? '',
    ...grid.rows.slice(0, headerIndex).flatMap((r) => r.cells.map((c) => text(c))),
  ]);
  const fromTitles = yearsInText(titleTexts);
  if (fromTitles.length === 1) return { year: fromTitles[0], where: 'i rubrikerna' };
  const fromName = yearsInText([file.replace(/^.*[\\/]/, '')]);
  if (fromName.length === 1) return { year: fromName[0], where: 'i filnamnet' };
  return {
    problem: fromTitles.length > 1
      ? `året är oklart (rubrikerna nämner ${fromTitles.join(', ')}); ange --year`
      : 'året framgår varken av rubrikerna eller filnamnet; ange --year',
  };
}
