import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { InputError, type Problem } from './problems.ts';
import type { Grid } from './grid.ts';

/**
 * Text of a CSV file: UTF-8 with or without BOM, else Windows-1252 (what Swedish Excel saves as "CSV").
 * A file that is not valid UTF-8 is taken as Windows-1252, which decodes any byte.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}

/**
 * UTF-16 (what "Unicode text" in Excel saves), by its byte-order mark or by the NUL bytes every ASCII
 * character carries in it: read as UTF-8 or Windows-1252 it would give "unknown column" full of NULs.
 */
function utf16(bytes: Buffer): 'UTF-16 LE' | 'UTF-16 BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 BE';
  const head = bytes.subarray(0, 512);
  let even = 0;
  let odd = 0;
  head.forEach((b, i) => {
    if (b === 0) (i % 2 ? odd++ : even++);
  });
  if (head.length >= 4 && odd >= head.length / 4) return 'UTF-16 LE';
  if (head.length >= 4 && even >= head.length / 4) return 'UTF-16 BE';
  return undefined;
}

/** `;`, `,` or tab: whichever occurs most often outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  // Line by line from the top, not a split of the whole text: a long file has a million lines.
  let firstLine = '';
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    if (line.trim() !== '') {
      firstLine = line;
      break;
    }
    if (end < 0) break;
    start = end + 1;
  }
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ';';
}

/**
 * A delimited file's text with its line endings unified to \n (csv-parse takes the record delimiter from
 * the first line it sees); UTF-16 is refused with what to do instead.
 */
export function delimitedText(file: string, bytes: Buffer): string {
  const wide = utf16(bytes);
  if (wide) {
    throw new InputError([{ file, message: `filen är kodad som ${wide}, som inte läses; spara den som "CSV UTF-8 (kommaavgränsad)" eller "CSV (semikolonavgränsad)" och försök igen` }]);
  }
  const text = decodeText(bytes);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** What csv-parse says when it gives up: a code, the line it reached, the field's zero-based number. */
interface ParseError {
  code?: string;
  lines?: number;
  column?: number;
  field?: string;
}

/**
 * The parser's complaint as one Swedish line at the user's row and column (csv-parse speaks English and
 * counts fields from zero). An unclosed quote is told where it opens, not at the end of the file where
 * the parser noticed.
 */
function quoteProblem(error: ParseError, text: string, delimiter: string): Omit<Problem, 'file'> {
  const column = error.column === undefined ? undefined : String(error.column + 1);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const open = unclosedQuote(text, delimiter);
      return {
        row: open?.line ?? error.lines, column: open ? String(open.field + 1) : undefined,
        message: 'ett citattecken öppnar fältet men stängs aldrig, så resten av filen skulle bli ett enda fält',
        fix: 'Avsluta fältet med " eller ta bort citattecknet.',
      };
    }
    case 'INVALID_OPENING_QUOTE':
      return {
        row: error.lines, column, found: error.field,
        message: 'citattecken inne i fältet som börjar',
        fix: 'Sätt hela fältet inom citattecken och skriv citattecknen i det dubbelt, som "=HYPERLINK(""…"")".',
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        row: error.lines, column,
        message: 'efter citattecknet som avslutar fältet kommer mer text i stället för en avgränsare',
        fix: 'Skriv ett citattecken inne i ett citerat fält dubbelt ("").',
      };
    default:
      return { row: error.lines, column, message: 'CSV-filen kan inte läsas här: ett citattecken eller en avgränsare står fel' };
  }
}

/** Where the quote that is never closed opens: its line and zero-based field, by the rules csv-parse reads by. */
function unclosedQuote(text: string, delimiter: string): { line: number; field: number } | undefined {
  let line = 1;
  let field = 0;
  let atFieldStart = true;
  let open: { line: number; field: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (open) {
      if (ch === '\n') line++;
      else if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') open = undefined;
      continue;
    }
    if (ch === '"' && atFieldStart) open = { line, field };
    atFieldStart = ch === delimiter || ch === '\n';
    if (ch === delimiter) field++;
    if (ch === '\n') {
      line++;
      field = 0;
    }
  }
  return open;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Reads a delimited file into a grid; each row keeps the line it starts on, for error messages. */
export function readDelimited(file: string, bytes: Buffer, options: { comments?: boolean } = {}): Grid {
  // Comment lines are blanked rather than skipped by the parser, so that line numbers stay true.
  const decoded = delimitedText(file, bytes);
  const text = options.comments ? decoded.replace(/^#.*$/gm, '') : decoded;
  const delimiter = detectDelimiter(text);
  if (!text.includes('"')) return splitPlain(file, text, delimiter);
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      info: true,
      raw: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    // A stray quote or the like: bad input like any other, located by row and column, not a crash.
    throw new InputError([{ file, ...quoteProblem(error as ParseError, text, delimiter) }]);
  }
  return {
    file,
    format: 'csv',
    delimiter,
    // Empty lines are dropped here, not by the parser, whose line count then goes wrong.
    rows: records
      .filter(({ record }) => record.some((c) => c.trim() !== ''))
      .map(({ record, info, raw }) => ({
        line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
        cells: record.map((c) => (c.trim() === '' ? null : c)),
      })),
  };
}

/**
 * A file without a single quote character has no quoted field, so each line is a record and each
 * delimiter a cell boundary: the same grid as the parser gives, many times faster (a national long file
 * has a million lines).
 */
function splitPlain(file: string, text: string, delimiter: string): Grid {
  const rows: Grid['rows'] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i]!.split(delimiter);
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ line: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) });
  }
  return { file, format: 'csv', delimiter, rows };
}
