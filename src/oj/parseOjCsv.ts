import type { Catalog } from '../config/catalog.ts';
import { ProblemList } from '../imports/problems.ts';
import { parseYear } from '../imports/validRanges.ts';
import { cellText, columnLabel, type Grid } from '../text/grid.ts';
import { closestNames, normalizeText } from '../text/normalize.ts';
import {
  aggregateLevels, checkDuplicates, parseAnswer, parseShare, resolveRowUnit,
  type OjAnswerRow, type OjParseResult, type OjShareRow,
} from './ojRows.ts';

/** The long interchange format: one answer per line. Riket and län lines carry a share in `svar`. */
export const ojCsvColumns = ['ar', 'enhet', 'indikator', 'verksamhet', 'svar'] as const;

/**
 * Parses a long-format ÖJ CSV (`ar;enhet;indikator;verksamhet;svar`). `enhet` is a name or a kommun
 * code; `indikator` an area (key, title or alias) or an indicator id; `verksamhet` a key or title.
 */
export function parseOjCsv(grid: Grid, catalog: Catalog, onRow?: (done: number, total: number) => void): OjParseResult {
  const problems = new ProblemList(grid.file);
  const [header, ...body] = grid.rows;
  const names = (header?.cells ?? []).map((c) => normalizeText(cellText(c)).replace('år', 'ar'));
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if ((ojCsvColumns as readonly string[]).includes(name)) index.set(name, i);
    else problems.add({ row: header!.line, column: columnLabel(grid, i), found: cellText(header!.cells[i] ?? null), message: 'okänd kolumn', suggestions: closestNames(name, ojCsvColumns) });
  });
  for (const required of ojCsvColumns) {
    if (!index.has(required)) problems.add({ row: header?.line ?? 1, message: `kolumnen "${required}" saknas (väntade ${ojCsvColumns.join(';')})` });
  }
  problems.throwIfAny();

  const answers: OjAnswerRow[] = [];
  const shares: OjShareRow[] = [];
  const years = new Set<number>();
  const col = (name: (typeof ojCsvColumns)[number]) => index.get(name)!;
  const label = (name: (typeof ojCsvColumns)[number]) => columnLabel(grid, col(name), name);
  body.forEach((row, n) => {
    if (n % 10000 === 0) onRow?.(n, body.length);
    const cell = (name: (typeof ojCsvColumns)[number]) => row.cells[col(name)] ?? null;
    const at = (name: (typeof ojCsvColumns)[number]) => ({ row: row.line, column: label(name) });
    const yearText = cellText(cell('ar'));
    const parsedYear = parseYear(yearText);
    if ('problem' in parsedYear) {
      problems.add({ ...at('ar'), found: yearText, message: parsedYear.problem });
      return;
    }
    const { year } = parsedYear;
    years.add(year);
    const resolved = resolveRowUnit(catalog, /^\d+$/.test(cellText(cell('enhet'))) ? cell('enhet') : null, cell('enhet'), year);
    if ('problem' in resolved) {
      problems.add({ ...at('enhet'), found: resolved.found, message: resolved.problem, suggestions: resolved.suggestions });
      return;
    }
    const indicatorId = resolveIndicator(catalog, cellText(cell('indikator')), cellText(cell('verksamhet')), year, problems, { row: row.line, indikator: label('indikator'), verksamhet: label('verksamhet') });
    if (!indicatorId) return;
    const unit = resolved.unit;
    const ref = { year, unit_id: unit.unit_id, indicator_id: indicatorId, raw_text: cellText(cell('svar')), unit_text: cellText(cell('enhet')), sheet: null, row: row.line, column: label('svar') };
    const level = aggregateLevels[unit.kind];
    if (level) {
      const share = parseShare(catalog, cell('svar'));
      if (share) shares.push({ ...ref, level, share_ja: share.share, n_units: share.n, n_respondents_row: null });
      else problems.add({ ...at('svar'), found: ref.raw_text, message: `andelen för ${unit.name} kan inte läsas (väntade procent)` });
      return;
    }
    const answer = parseAnswer(catalog, cell('svar'));
    if (answer) answers.push({ ...ref, answer });
    else problems.add({ ...at('svar'), found: ref.raw_text, message: 'okänt svar', suggestions: catalog.suggest('oj_answer', ref.raw_text) });
  });
  checkDuplicates([...answers, ...shares], problems);
  problems.throwIfAny();
  return { years: [...years].sort(), answers, shares, rowsRead: body.length };
}

function resolveIndicator(
  catalog: Catalog,
  indicatorText: string,
  verksamhetText: string,
  year: number,
  problems: ProblemList,
  at: { row: number; indikator: string; verksamhet: string },
): string | undefined {
  const byId = catalog.indicators.find((i) => i.indicator_id === indicatorText);
  if (byId) return byId.indicator_id;
  const area = catalog.lookup('oj_area', indicatorText);
  const verksamhet = catalog.lookup('oj_verksamhet', verksamhetText);
  if (!area) problems.add({ row: at.row, column: at.indikator, found: indicatorText, message: 'okänd indikator', suggestions: catalog.suggest('oj_area', indicatorText) });
  if (!verksamhet) problems.add({ row: at.row, column: at.verksamhet, found: verksamhetText, message: 'okänd verksamhet', suggestions: catalog.suggest('oj_verksamhet', verksamhetText) });
  if (!area || !verksamhet) return undefined;
  const indicator = catalog.indicatorFor(area, verksamhet, year);
  if ('problem' in indicator) {
    problems.add({ row: at.row, column: at.indikator, message: indicator.problem });
    return undefined;
  }
  return indicator.indicator_id;
}
