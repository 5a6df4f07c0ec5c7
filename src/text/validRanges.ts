/**
 * The years and dates an input may carry. A year after the current one cannot have been reported yet
 * (2099 is a typo, not a plan); a date must exist in the calendar (2026-02-30 does not) and lie in a
 * range a follow-up can mean. Messages state the allowed range, so the reader knows what to type.
 */

export const firstYear = 2000;
/** The latest year a report or an answer can be for: this one. */
export const latestYear = (now = new Date()) => now.getFullYear();

/** "2025" (or "2025.0" as a spreadsheet number reads) as a year in range, or a message saying what is allowed. */
export function parseYear(text: string, now = new Date()): { year: number } | { problem: string } {
  const trimmed = text.trim().replace(/\.0$/, '');
  const year = /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : undefined;
  if (year !== undefined && year >= firstYear && year <= latestYear(now)) return { year };
  const range = `ett årtal från ${firstYear} till ${latestYear(now)}`;
  return { problem: year !== undefined && year > latestYear(now) ? `året ligger i framtiden: ska vara ${range}` : `året ska vara ${range}` };
}

/** Planned dates (Klart senast) a self-assessment may give: the template's date check uses the same range. */
export const dueDateRange = { from: '2000-01-01', to: '2099-12-31' } as const;

/** "2026-02-28" if that day exists in the calendar; undefined for 2026-02-30 or 2026-04-31. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: that takes years 0–99 for 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The longest free text (a comment, a planned action, an owner, a motivering) an import takes: a few
 * thousand characters say what a follow-up needs, and every text goes back out into templates and
 * exports, whose cells hold at most 32 767 characters (Excel's limit).
 */
export const freeTextLimit = 4000;

/** Why a free text cannot be stored, or undefined when it can. */
export function freeTextProblem(text: string): string | undefined {
  if (text.length <= freeTextLimit) return undefined;
  const n = (v: number) => v.toLocaleString('sv-SE');
  return `texten är ${n(text.length)} tecken lång; högst ${n(freeTextLimit)} tecken får plats: korta den eller hänvisa till ett dokument`;
}
