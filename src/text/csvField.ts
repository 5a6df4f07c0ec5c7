import { csvQuote } from '../present/csv.js';

/** A value as one field of a line to add to a configuration file: on one line, quoted when it holds a comma, semicolon or quote. */
export function csvField(value: string): string {
  return csvQuote(value.replace(/\s+/g, ' '), ',;');
}
