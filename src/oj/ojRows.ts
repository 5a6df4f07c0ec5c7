import type { Catalog, OrgUnit } from '../config/catalog.ts';
import type { ProblemList } from '../text/problems.ts';
import { cellText, type CellValue } from '../text/grid.ts';

/** Where a fact was read: sheet (xlsx only), row or line, column label. */
export interface SourceRef {
  sheet: string | null;
  row: number;
  column: string;
}

/** One unit's answer to one indicator cell, as oj_answer stores it. */
export interface OjAnswerRow extends SourceRef {
  year: number;
  unit_id: string;
  indicator_id: string;
  answer: string;
  raw_text: string;
  unit_text: string;
}

/** A share published on an aggregate row (riket, län, kommungrupp), as oj_published_share stores it. */
export interface OjShareRow extends SourceRef {
  year: number;
  level: 'riket' | 'lan' | 'kommungrupp';
  unit_id: string;
  indicator_id: string;
  share_ja: number | null;
  n_units: number | null;
  n_respondents_row: number | null;
  raw_text: string;
  unit_text: string;
}

export interface OjParseResult {
  years: number[];
  answers: OjAnswerRow[];
  shares: OjShareRow[];
  rowsRead: number;
  /** Rows not read as a unit's answers, by reason (blank, note, heading): told in the import report. */
  rowsSkipped?: Record<string, number>;
  /** What was read by judgement (a key column by its content): said in the import summary. */
  notes?: string[];
}

export const aggregateLevels: Record<string, OjShareRow['level']> = { riket: 'riket', lan: 'lan', kommungrupp: 'kommungrupp' };

/**
 * The unit a row names: by kommun code when the row has one ("0180", "180", 180; two digits are a län),
 * else by name as valid on the year's measure date.
 */
export function resolveRowUnit(
  catalog: Catalog,
  code: CellValue,
  name: CellValue,
  year: number,
): { unit: OrgUnit } | { problem: string; found: string; suggestions: string[] } {
  const codeText = cellText(code);
  if (codeText) {
    const kommun = catalog.kommunByCodeText(codeText);
    if (kommun) return { unit: kommun };
    const lan = /^\d{1,2}$/.test(codeText) ? catalog.unit(`lan-${codeText.padStart(2, '0')}`) : undefined;
    if (lan) return { unit: lan };
    if (!cellText(name)) return { problem: 'okänd kommunkod', found: codeText, suggestions: [] };
  }
  const nameText = cellText(name);
  const resolved = catalog.resolveUnit(nameText, catalog.measureDate(year));
  return 'unit' in resolved ? resolved : { ...resolved, found: nameText };
}

/** An answer text → stored answer; an empty cell is ej_svar (never Nej, never dropped). */
export function parseAnswer(catalog: Catalog, value: CellValue): string | undefined {
  const text = cellText(value);
  return text === '' ? 'ej_svar' : catalog.lookup('oj_answer', text);
}

/** How a sheet writes its shares without a per-cent sign: 63.5 (per cent) or 0.635 (a fraction). */
export type ShareScale = 'percent' | 'fraction';

/**
 * A published share: "57", "57 %", "57,3 %", 57, "57 % (n=245)" or, in a sheet of fractions, 0.57 → 0.57
 * (and 245). A per-cent sign always means per cent. Blank and the missing-value marks give a null share
 * with the text kept. Undefined: not a share at all.
 */
export function parseShare(catalog: Catalog, value: CellValue, scale: ShareScale = 'percent'): { share: number | null; n: number | null } | undefined {
  const asShare = (n: number, percentSign: boolean) => {
    const pct = scale === 'fraction' && !percentSign ? n * 100 : n;
    return pct >= 0 && pct <= 100 ? Math.round(pct * 1e6) / 1e8 : undefined;
  };
  if (typeof value === 'number') {
    const share = asShare(value, false);
    return share === undefined ? undefined : { share, n: null };
  }
  const text = cellText(value);
  if (text === '' || ['ej_svar', 'ej_aktuellt'].includes(catalog.lookup('oj_answer', text) ?? '')) return { share: null, n: null };
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*(%?)\s*(?:\(\s*(?:n\s*=\s*)?(\d+)\s*\))?$/i.exec(text);
  if (!m) return undefined;
  const share = asShare(Number(m[1]!.replace(',', '.')), m[2] === '%');
  return share === undefined ? undefined : { share, n: m[3] ? Number(m[3]) : null };
}

/**
 * Reports the same (year, unit, indicator) read twice in one file: two rows naming one unit, told once
 * per row with its columns; or a sheet repeating another's (a copied sheet), told once per sheet with
 * its rows, not once per cell.
 */
export function checkDuplicates(rows: (OjAnswerRow | OjShareRow)[], problems: ProblemList): void {
  // Nested by year and unit rather than keyed by a joined string: a national file has tens of thousands of rows.
  const seen = new Map<number, Map<string, Map<string, SourceRef>>>();
  for (const r of rows) {
    let units = seen.get(r.year);
    if (!units) seen.set(r.year, (units = new Map()));
    let indicators = units.get(r.unit_id);
    if (!indicators) units.set(r.unit_id, (indicators = new Map()));
    const first = indicators.get(r.indicator_id);
    if (!first) indicators.set(r.indicator_id, r);
    else if (first.sheet !== r.sheet) {
      problems.add({ sheet: r.sheet ?? undefined, row: r.row, message: `samma enheter och frågor finns redan på bladet "${first.sheet}" (ett kopierat blad?); ta bort det ena bladet` });
    } else {
      problems.add({ sheet: r.sheet ?? undefined, row: r.row, column: r.column, message: `${r.unit_id} ${r.year} finns redan på rad ${first.row} (två rader för samma enhet?)` });
    }
  }
}
