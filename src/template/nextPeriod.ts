import type { Database } from '../db/database.ts';

export interface PeriodEnd {
  period: string;
  sort_order: number;
  /** The period's last day as MM-DD (table period, data/vocab/periods.csv). */
  period_end: string;
}

/**
 * The period a nämnd reports next on `today`: the first of the year's periods, in their order, whose last
 * day is today or later; after the year's last period, the next year's first. On 7 December that is the
 * verksamhetsberättelse; on 1 May, tertialrapport 2.
 */
export function nextPeriod(periods: PeriodEnd[], today: Date): { year: number; period: string } {
  const ordered = [...periods].sort((a, b) => a.sort_order - b.sort_order);
  const year = today.getFullYear();
  const day = `${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const open = ordered.find((p) => p.period_end >= day);
  return open ? { year, period: open.period } : { year: year + 1, period: ordered[0]!.period };
}

/** nextPeriod over the database's periods. */
export async function nextPeriodDue(db: Database, today: Date): Promise<{ year: number; period: string }> {
  return nextPeriod(await db.all<PeriodEnd>('select period, sort_order, period_end from period'), today);
}

/** A period as a sentence names it ("verksamhetsberättelse"), from data/labels.csv. */
export async function periodName(db: Database, period: string): Promise<string> {
  return (await db.one<{ label: string }>("select label from dash_label where domain = 'period' and code = $1", [period]))?.label ?? period;
}
