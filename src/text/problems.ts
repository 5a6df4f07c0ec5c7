import { invisibleCharacters, shortened, showInvisible } from './visibleText.ts';

/** One thing wrong with an input file, located as precisely as the file allows. */
export interface Problem {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  found?: string;
  message: string;
  suggestions?: string[];
  /** What would make the value known, e.g. the exact line to add to a vocabulary file. */
  fix?: string;
  /** Further rows (and columns) with the same problem about the same value, after grouping. */
  rows?: number[];
  columns?: string[];
  /** Errors that follow from this one (the same unknown header on another sheet …), counted instead of shown. */
  followUps?: number;
}

/** A value found longer than this is no name, answer or header: it is shown by its beginning and length. */
const longestFound = 200;

/**
 * A problem as a person can read and act on it: an invisible character in the value found is shown by
 * its code point and named ("Far‹U+200D›sta"), and a value too long to be a name (a megabyte pasted into
 * a cell) is shown by its beginning and length, without the suggestions and the line to add that a
 * name would get. Applied to every problem collected or thrown, so no message repeats a megabyte.
 */
export function readableProblem(p: Problem): Problem {
  if (p.found === undefined) return p;
  if (p.found.length > longestFound) {
    const { fix: _fix, suggestions: _suggestions, ...rest } = p;
    return { ...rest, found: showInvisible(shortened(p.found, longestFound)) };
  }
  const hidden = invisibleCharacters(p.found);
  if (!hidden.length) return p;
  const note = `Texten innehåller ${hidden.length === 1 ? 'ett osynligt tecken' : 'osynliga tecken'} (${hidden.map((h) => `‹${h}›`).join(', ')}), som inte syns på skärmen men gör texten till en annan: skriv om den utan ${hidden.length === 1 ? 'det' : 'dem'}.`;
  return { ...p, found: showInvisible(p.found), fix: p.fix ? `${note} ${p.fix}` : note };
}

/** Bad input: the import stops, nothing is written, and every problem found is reported at once. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const readable = problems.map(readableProblem);
    super(readable.map(formatProblem).join('\n'));
    this.problems = readable;
  }
}

export function formatProblem(p: Problem): string {
  const rows = p.rows ?? (p.row !== undefined ? [p.row] : []);
  const columns = p.columns ?? (p.column !== undefined ? [p.column] : []);
  const where = [
    p.file,
    p.sheet !== undefined ? `blad "${p.sheet}"` : undefined,
    rows.length ? `${rows.length > 1 ? 'rader' : 'rad'} ${rowRanges(rows)}` : undefined,
    columns.length ? `${columns.length > 1 ? 'kolumnerna' : 'kolumn'} ${columns.join(', ')}` : undefined,
  ].filter(Boolean);
  const found = p.found !== undefined ? ` "${p.found}"` : '';
  const hint = p.suggestions?.length ? ` Närmast kända: ${p.suggestions.map((s) => `"${s}"`).join(', ')}.` : '';
  const fix = p.fix ? ` ${p.fix}` : '';
  const followUps = p.followUps ? ` ${p.followUps === 1 ? 'Ett följdfel' : `${p.followUps} följdfel`} av samma orsak visas inte.` : '';
  return `${where.join(', ')}: ${p.message}${found}.${hint}${fix}${followUps}`;
}

/** 6, 7, 8, 9, 12 → ["6–9", "12"]: runs of consecutive numbers, each as one range. */
export function consecutiveRanges(numbers: number[]): string[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts;
}

/** 6, 7, 8, 9, 12 → "6–9, 12". */
export const rowRanges = (rows: number[]): string => consecutiveRanges(rows).join(', ');

/**
 * One problem per file, sheet, message and value: the same unknown answer on 40 rows is one line naming
 * its rows and columns, so the real cause is not buried under its repetitions.
 */
export function groupProblems(problems: Problem[]): Problem[] {
  const groups = new Map<string, Problem & { rows: number[]; columns: string[] }>();
  for (const p of problems) {
    const key = JSON.stringify([p.file, p.sheet, p.message, p.found, p.fix]);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { ...p, rows: p.rows ?? (p.row !== undefined ? [p.row] : []), columns: p.columns ?? (p.column !== undefined ? [p.column] : []) });
      continue;
    }
    group.rows.push(...(p.rows ?? (p.row !== undefined ? [p.row] : [])));
    if (p.followUps) group.followUps = (group.followUps ?? 0) + p.followUps;
    for (const c of p.columns ?? (p.column !== undefined ? [p.column] : [])) if (!group.columns.includes(c)) group.columns.push(c);
  }
  return [...groups.values()].map((g) => ({ ...g, rows: [...new Set(g.rows)].sort((a, b) => a - b) }));
}

/**
 * How a problem relates to others: `cause` names what it is about (an unknown header's text); of the
 * problems with one cause only the first is shown, and `after` marks one that only follows from the
 * problem with that cause (an answer outside the table under that unknown header). Both are counted
 * in the problem shown.
 */
export interface ProblemLink {
  cause?: string;
  after?: string;
}

/** Collects problems while parsing so a file's every fault is reported in one go. */
export class ProblemList {
  readonly items: Problem[] = [];
  private readonly links = new Map<Problem, ProblemLink>();
  constructor(readonly file: string) {}
  add(problem: Omit<Problem, 'file'> & { file?: string }, link?: ProblemLink): void {
    const p = readableProblem({ file: this.file, ...problem });
    this.items.push(p);
    if (link?.cause || link?.after) this.links.set(p, link);
  }
  /** One problem per real problem: those that follow from another shown are counted in it, then the rest grouped. */
  settled(): Problem[] {
    const first = new Map<string, Problem>();
    for (const p of this.items) {
      const cause = this.links.get(p)?.cause;
      if (cause && !first.has(cause)) first.set(cause, p);
    }
    const followUps = new Map<Problem, number>();
    const kept = this.items.filter((p) => {
      const link = this.links.get(p);
      const root = link && first.get(link.after ?? link.cause!);
      if (!root || root === p) return true;
      followUps.set(root, (followUps.get(root) ?? 0) + 1);
      return false;
    });
    return groupProblems(kept.map((p) => (followUps.has(p) ? { ...p, followUps: (p.followUps ?? 0) + followUps.get(p)! } : p)));
  }
  throwIfAny(): void {
    if (this.items.length) throw new InputError(this.settled());
  }
}
