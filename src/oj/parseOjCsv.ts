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
  const labels = { ar: label('ar'), enhet: label('enhet'), indikator: label('indikator'), verksamhet: label('verksamhet'), svar: label('svar') };
  // A long file repeats a few hundred distinct texts over many thousand rows: each is resolved once.
  const units = memo((year: number, enhet: string) => resolveRowUnit(catalog, /^\d+$/.test(enhet) ? enhet : null, enhet, year));
  const indicators = memo((year: number, indikator: string, verksamhet: string) => resolveIndicator(catalog, indikator, verksamhet, year, labels));
  const answerOf = memo((text: string) => parseAnswer(catalog, text));
  const shareOf = memo((text: string) => parseShare(catalog, text));
  const [iAr, iEnhet, iIndikator, iVerksamhet, iSvar] = ojCsvColumns.map(col);
  for (let n = 0; n < body.length; n++) {
    if (n % 10000 === 0) onRow?.(n, body.length);
    const row = body[n]!;
    const yearText = text(row, iAr!);
    const parsedYear = parseYear(yearText);
    if ('problem' in parsedYear) {
      problems.add({ row: row.line, column: labels.ar, found: yearText, message: parsedYear.problem });
      continue;
    }
    const { year } = parsedYear;
    years.add(year);
    const enhet = text(row, iEnhet!);
    const resolved = units(year, enhet);
    if ('problem' in resolved) {
      problems.add({ row: row.line, column: labels.enhet, found: resolved.found, message: resolved.problem, suggestions: resolved.suggestions });
      continue;
    }
    const indicator = indicators(year, text(row, iIndikator!), text(row, iVerksamhet!));
    if ('problems' in indicator) {
      for (const p of indicator.problems) problems.add({ row: row.line, ...p });
      continue;
    }
    const unit = resolved.unit;
    const svar = text(row, iSvar!);
    const ref = { year, unit_id: unit.unit_id, indicator_id: indicator.id, raw_text: svar, unit_text: enhet, sheet: null, row: row.line, column: labels.svar };
    const level = aggregateLevels[unit.kind];
    if (level) {
      const share = shareOf(svar);
      if (share) shares.push({ ...ref, level, share_ja: share.share, n_units: share.n, n_respondents_row: null });
      else problems.add({ row: row.line, column: labels.svar, found: svar, message: `andelen för ${unit.name} kan inte läsas (väntade procent)` });
      continue;
    }
    const answer = answerOf(svar);
    if (answer) answers.push({ ...ref, answer });
    else problems.add({ row: row.line, column: labels.svar, found: svar, message: 'okänt svar', suggestions: catalog.suggest('oj_answer', svar) });
  }
  checkDuplicates([...answers, ...shares], problems);
  problems.throwIfAny();
  return { years: [...years].sort(), answers, shares, rowsRead: body.length };
}

const text = (row: Grid['rows'][number], i: number) => cellText(row.cells[i] ?? null);

/** `work` remembered per distinct arguments (strings and numbers). */
function memo<A extends (string | number)[], R>(work: (...args: A) => R): (...args: A) => R {
  const known = new Map<string, R>();
  return (...args: A) => {
    const key = args.join('\u0000');
    if (!known.has(key)) known.set(key, work(...args));
    return known.get(key)!;
  };
}

type RowProblem = { column: string; found?: string; message: string; suggestions?: string[] };

/** The indicator an `indikator` (id, or area) and `verksamhet` text name in `year`, or what is wrong with them. */
function resolveIndicator(
  catalog: Catalog,
  indicatorText: string,
  verksamhetText: string,
  year: number,
  labels: { indikator: string; verksamhet: string },
): { id: string } | { problems: RowProblem[] } {
  const byId = catalog.indicators.find((i) => i.indicator_id === indicatorText);
  if (byId) return { id: byId.indicator_id };
  const problems: RowProblem[] = [];
  const area = catalog.lookup('oj_area', indicatorText);
  const verksamhet = catalog.lookup('oj_verksamhet', verksamhetText);
  if (!area) problems.push({ column: labels.indikator, found: indicatorText, message: 'okänd indikator', suggestions: catalog.suggest('oj_area', indicatorText) });
  if (!verksamhet) problems.push({ column: labels.verksamhet, found: verksamhetText, message: 'okänd verksamhet', suggestions: catalog.suggest('oj_verksamhet', verksamhetText) });
  if (!area || !verksamhet) return { problems };
  const indicator = catalog.indicatorFor(area, verksamhet, year);
  if ('problem' in indicator) return { problems: [{ column: labels.indikator, message: indicator.problem }] };
  return { id: indicator.indicator_id };
}
