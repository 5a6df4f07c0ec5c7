/**
 * What a printout says about where its numbers come from: "Exempeldata" when the database holds sample
 * data, and which years exist when a selection is empty.
 */
import type { Database } from './database.ts';
import { consecutiveRanges } from '../text/problems.ts';

/** The line every output made from sample data carries (the dashboard's banner says the same). */
export const sampleNotice = 'Exempeldata: siffrorna är påhittade och visar bara hur verktyget fungerar.';

/** The database's figures come from sample files (any source in force is sample data, as on the dashboard). */
export async function isSampleDatabase(db: Database): Promise<boolean> {
  return !!(await db.one('select 1 from stg_source_in_force where is_sample limit 1'));
}

/** 2016, 2017, 2018, 2020 → "2016–2018 och 2020". */
export function yearRanges(years: number[]): string {
  const ranges = consecutiveRanges(years);
  return ranges.length > 1 ? `${ranges.slice(0, -1).join(', ')} och ${ranges.at(-1)}` : ranges[0] ?? '';
}

/** "Inga uppgifter för 2030 (Farsta). År med uppgifter: 2016–2025." */
export function emptySelectionMessage(what: { year?: number; unit?: string }, years: number[]): string {
  const selection = [what.year, what.unit].filter((x) => x !== undefined).join(', ');
  return `Inga uppgifter${selection ? ` för ${selection}` : ''}. ${years.length ? `År med uppgifter: ${yearRanges(years)}.` : 'Databasen har inga uppgifter för det urvalet något år.'}`;
}

/**
 * The one line `start` and `build` print before they build a database from sample data because none
 * exists at the path. When --db or BEREDSKAP_DB named the path, a typo is likelier than a fresh machine:
 * the line says which setting named it, so a site of sample data is not taken for the real one.
 */
export function sampleFallbackNotice(dbPath: string, namedBy?: '--db' | 'BEREDSKAP_DB'): string {
  return namedBy
    ? `${namedBy} anger ${dbPath}, som inte finns: bygger en databas av exempeldata där, och webbplatsen visar exempeldata (felstavad sökväg?).`
    : `Ingen databas i ${dbPath}: bygger en från exempeldata …`;
}
