/** One thing wrong with an input file, located as precisely as the file allows. */
export interface Problem {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  found?: string;
  message: string;
  suggestions?: string[];
}

/** Bad input: the import stops, nothing is written, and every problem found is reported at once. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem(p: Problem): string {
  const where = [
    p.file,
    p.sheet !== undefined ? `blad "${p.sheet}"` : undefined,
    p.row !== undefined ? `rad ${p.row}` : undefined,
    p.column !== undefined ? `kolumn ${p.column}` : undefined,
  ].filter(Boolean);
  const found = p.found !== undefined ? ` "${p.found}"` : '';
  const hint = p.suggestions?.length ? ` Närmast kända: ${p.suggestions.map((s) => `"${s}"`).join(', ')}.` : '';
  return `${where.join(', ')}: ${p.message}${found}.${hint}`;
}

/** Collects problems while parsing so a file's every fault is reported in one go. */
export class ProblemList {
  readonly items: Problem[] = [];
  constructor(readonly file: string) {}
  add(problem: Omit<Problem, 'file'> & { file?: string }): void {
    this.items.push({ file: this.file, ...problem });
  }
  throwIfAny(): void {
    if (this.items.length) throw new InputError(this.items);
  }
}
