import type { Catalog } from '../config/catalog.ts';
import type { Grid } from '../text/grid.ts';
import { aggregateLevels, type ShareScale } from './ojRows.ts';
import type { Resolved } from './rowUnit.ts';

/**
 * Whether a sheet's published shares are fractions (0.635) or per cent (63.5): fractions when every
 * share written without a per-cent sign is at most 1. A cell formatted as per cent is read as per cent.
 */
export function shareScale(rows: { row: Grid['rows'][number]; unit: Resolved }[], indicators: { index: number }[], catalog: Catalog): ShareScale | undefined {
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
