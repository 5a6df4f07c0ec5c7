import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDate } from '../text/validRanges.ts';
import { closestNames } from '../text/normalize.ts';
import { readDelimited } from '../text/readDelimited.ts';
import type { ProblemList } from '../text/problems.ts';

export interface ConfigRecord {
  line: number;
  get(column: string): string;
  /** The value, or null when blank. */
  opt(column: string): string | null;
  /** A whole number (required unless `optional`); anything else is reported as a problem. */
  int(column: string, optional?: boolean): number | null;
  /** A number, within `range` when given (the database's own constraints, said before they are hit). */
  num(column: string, range?: { min: number; max: number; hint?: string }): number;
  /** A day of the calendar written YYYY-MM-DD, or null when blank or not such a day (then reported as a problem). */
  date(column: string): string | null;
}

/**
 * Reads one configuration CSV (comma or semicolon, `#` comment lines) and checks its header against the
 * columns the loader needs. Problems go to `problems`; a file with a wrong header yields no records.
 */
export function readConfigTable(
  dir: string,
  relPath: string,
  columns: { required: string[]; optional?: string[] },
  problems: ProblemList,
): { bytes: Buffer; records: ConfigRecord[] } {
  const path = join(dir, relPath);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    problems.add({ file: path, message: 'konfigurationsfilen saknas' });
    return { bytes: Buffer.alloc(0), records: [] };
  }
  const grid = readDelimited(relPath, bytes, { comments: true });
  const [header, ...body] = grid.rows;
  const names = (header?.cells ?? []).map((c) => String(c ?? '').trim());
  const known = [...columns.required, ...(columns.optional ?? [])];
  let ok = true;
  for (const required of columns.required) {
    if (!names.includes(required)) {
      problems.add({ file: path, row: header?.line, message: `kolumnen "${required}" saknas` });
      ok = false;
    }
  }
  names.forEach((name, i) => {
    if (!known.includes(name)) {
      problems.add({ file: path, row: header?.line, column: String(i + 1), found: name, message: 'okänd kolumn', suggestions: closestNames(name, known) });
      ok = false;
    }
  });
  if (!ok) return { bytes, records: [] };
  const index = new Map(names.map((n, i) => [n, i]));
  const records = body.map(({ line, cells }): ConfigRecord => {
    if (cells.length > names.length) {
      problems.add({ file: path, row: line, message: `raden har ${cells.length} fält men rubriken ${names.length} (citattecken runt text med komma?)` });
    }
    const opt = (column: string) => {
      const v = cells[index.get(column) ?? -1];
      return v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();
    };
    const get = (column: string) => {
      const v = opt(column);
      if (v === null) problems.add({ file: path, row: line, column, message: 'värde saknas' });
      return v ?? '';
    };
    const number = (column: string, pattern: RegExp, optional: boolean) => {
      const v = optional ? opt(column) : get(column);
      if (v === null || v === '') return null;
      if (!pattern.test(v)) problems.add({ file: path, row: line, column, found: v, message: 'talet kan inte läsas' });
      return Number(v);
    };
    return {
      line,
      opt,
      get,
      int: (column, optional = false) => number(column, /^-?\d+$/, optional),
      num: (column, range) => {
        const n = number(column, /^-?\d+(\.\d+)?$/, false) ?? 0;
        if (range && (n < range.min || n > range.max)) {
          problems.add({ file: path, row: line, column, found: opt(column) ?? '', message: `värdet ska ligga mellan ${range.min} och ${range.max}${range.hint ? ` (${range.hint})` : ''}` });
        }
        return n;
      },
      date: (column) => {
        const v = opt(column);
        const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v ?? '') ?? [];
        if (v !== null && (y === undefined || !calendarDate(Number(y), Number(m), Number(d)))) {
          problems.add({ file: path, row: line, column, found: v, message: 'datumet ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern' });
          return null;
        }
        return v;
      },
    };
  });
  return { bytes, records };
}
