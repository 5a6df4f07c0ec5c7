import type { DuckDBValue } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../config/catalog.ts';
import { appendRows } from '../db/appendRows.ts';
import type { Database } from '../db/database.ts';
import { ProblemList } from '../text/problems.ts';
import { headerWidth, rowFieldProblems } from '../imports/rowFields.ts';
import type { StagedRows } from '../imports/storeFacts.ts';
import { parseYear } from '../text/validRanges.ts';
import { cellText, columnLabel, type Grid } from '../text/grid.ts';
import { closestNames, normalizeText } from '../text/normalize.ts';
import { delimitedText, detectDelimiter, readDelimited } from '../text/readDelimited.ts';
import { aggregateLevels, parseAnswer, parseShare, resolveRowUnit } from './ojRows.ts';

/** The long interchange format: one answer per line. Riket and län lines carry a share in `svar`. */
export const ojCsvColumns = ['ar', 'enhet', 'indikator', 'verksamhet', 'svar'] as const;
type Column = (typeof ojCsvColumns)[number];

/** A long file read into staging tables: oj_answer's and oj_published_share's rows, source_file_id left empty. */
export interface OjCsvStaged {
  years: number[];
  answers: StagedRows;
  shares: StagedRows;
  rowsRead: number;
}

/**
 * What JavaScript's String.prototype.trim removes (and so what makes a cell blank): an RE2 class for
 * DuckDB, so that SQL and the row-by-row reader agree on which lines are blank.
 */
const jsWhitespace = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

let fileCount = 0;

/**
 * Reads a long-format ÖJ CSV (`ar;enhet;indikator;verksamhet;svar`) in DuckDB. `enhet` is a name or a
 * kommun code; `indikator` an area (key, title or alias) or an indicator id; `verksamhet` a key or title.
 *
 * A long file repeats a few hundred distinct texts over a million lines, so the lines are split and
 * joined in SQL, and only each distinct text goes through the catalog's rules in TypeScript (the same
 * rules as a workbook's cells); a line's problems are worked out, the same way, only for lines that
 * failed. A file without a quote character is split in SQL (each line a record); one with quoted
 * fields, which may span lines, is read by the CSV parser, which keeps each record's first line.
 * Leaves two staging tables for storeFacts; every other table it makes is dropped.
 */
export async function stageOjCsv(db: Database, file: string, bytes: Buffer, catalog: Catalog): Promise<OjCsvStaged> {
  const problems = new ProblemList(file);
  const text = delimitedText(file, bytes);
  const delimiter = detectDelimiter(text);
  const t = `oj_csv_${++fileCount}`;
  const temp = { rows: `${t}_rows`, units: `${t}_units`, indicators: `${t}_indicators`, svar: `${t}_svar` };
  // Dropped unless handed to storeFacts.
  const stagedTables: string[] = [];
  try {
    const quoted = text.includes('"');
    const { header, body } = quoted ? readQuoted(file, bytes) : { header: firstLine(text, delimiter), body: undefined };
    const grid: Grid = { file, format: 'csv', delimiter, rows: header ? [header] : [] };
    const width = header ? headerWidth(header) : 0;
    const names = (header?.cells ?? []).slice(0, width).map((c) => normalizeText(cellText(c)).replace('år', 'ar'));
    const index = new Map<Column, number>();
    names.forEach((name, i) => {
      if ((ojCsvColumns as readonly string[]).includes(name)) index.set(name as Column, i);
      else problems.add({ row: header!.line, column: columnLabel(grid, i), found: cellText(header!.cells[i] ?? null), message: 'okänd kolumn', suggestions: closestNames(name, ojCsvColumns) });
    });
    for (const required of ojCsvColumns) {
      if (!index.has(required)) problems.add({ row: header?.line ?? 1, message: `kolumnen "${required}" saknas (väntade ${ojCsvColumns.join(';')})` });
    }
    problems.throwIfAny();
    const positions = ojCsvColumns.map((c) => index.get(c)!);
    const label = (name: Column) => columnLabel(grid, index.get(name)!, name);
    const labels = { ar: label('ar'), enhet: label('enhet'), indikator: label('indikator'), verksamhet: label('verksamhet'), svar: label('svar') };

    // Every data line as its five raw cells ('' where the line is short).
    const rowColumns = 'line integer, ar varchar, enhet varchar, indikator varchar, verksamhet varchar, svar varchar';
    // A line with a field more or fewer than the header is told at its line, as in every CSV we read.
    const fieldProblems = (rows: Grid['rows']) => {
      for (const r of rows) for (const p of rowFieldProblems(grid, width, header!, r)) problems.add(p);
    };
    if (quoted) {
      fieldProblems(body ?? []);
      await loadTable(db, temp.rows, rowColumns, (body ?? []).map((r) => [r.line, ...positions.map((i) => cellText(r.cells[i] ?? null))]));
    } else {
      await splitLines(db, text, delimiter, positions, header!.line, temp.rows);
      // Counted in SQL; only the few lines whose count differs are split again here.
      const uneven = await db.all<{ line: number }>(`select line from ${temp.rows} where fields <> $1 order by line`, [width]);
      if (uneven.length) {
        const lines = text.split('\n');
        fieldProblems(uneven.map(({ line }) => ({ line, cells: lines[line - 1]!.split(delimiter).map((c) => (c.trim() === '' ? null : c)) })));
      }
    }

    // Each distinct text, read in one pass over the lines and resolved once by the same rules a
    // row-by-row reader applies. Units and indicators are looked up by the year's text as written,
    // which spares the join on years; only texts under a readable year are resolved.
    const resolve = resolver(catalog, labels);
    const distinct = await db.all<{ set: number; ar: string; enhet: string; indikator: string; verksamhet: string; svar: string }>(
      `select grouping_id(ar, enhet, indikator, verksamhet, svar)::integer as set, ar, enhet, indikator, verksamhet, svar
       from ${temp.rows} group by grouping sets ((ar), (ar, enhet), (ar, indikator, verksamhet), (svar))`,
    );
    const yearOf = (ar: string) => {
      const y = resolve.year(ar);
      return 'year' in y ? y.year : undefined;
    };
    // grouping_id: a bit per column left out of the set, the first column's the highest.
    const ofSet = (set: number) => distinct.filter((d) => d.set === set);
    const arTexts = ofSet(0b01111);
    await loadTable(db, temp.units, 'ar varchar, year integer, enhet varchar, unit_id varchar, level varchar, unit_text varchar', ofSet(0b00111).flatMap(({ ar, enhet }) => {
      const year = yearOf(ar);
      const u = year === undefined ? undefined : resolve.unit(year, enhet);
      return u && 'unit' in u ? [[ar, year!, enhet, u.unit.unit_id, aggregateLevels[u.unit.kind] ?? null, cellText(enhet)]] : [];
    }));
    await loadTable(db, temp.indicators, 'ar varchar, indikator varchar, verksamhet varchar, indicator_id varchar', ofSet(0b01001).flatMap(({ ar, indikator, verksamhet }) => {
      const year = yearOf(ar);
      const i = year === undefined ? undefined : resolve.indicator(year, indikator, verksamhet);
      return i && 'id' in i ? [[ar, indikator, verksamhet, i.id]] : [];
    }));
    await loadTable(db, temp.svar, 'svar varchar, raw_text varchar, answer varchar, is_share boolean, share_ja double, n_units integer', ofSet(0b11110).map(({ svar }) => {
      const share = resolve.share(svar);
      return [svar, cellText(svar), resolve.answer(svar) ?? null, !!share, share?.share ?? null, share?.n ?? null];
    }));

    // A line whose every column is read becomes a fact: an answer, or a share on an aggregate's line.
    const answers = { stagedIn: `${t}_oj_answer`, length: 0 };
    const shares = { stagedIn: `${t}_oj_published_share`, length: 0 };
    stagedTables.push(answers.stagedIn, shares.stagedIn);
    // `r.ar || ''` keeps the planner from joining the units to the indicators on the year's text first
    // (a cross product as large as the file, which every line is then probed against): each lookup
    // is probed by the lines instead, three times faster.
    const joined = `from ${temp.rows} r
       join ${temp.units} u on u.ar = r.ar and u.enhet = r.enhet
       join ${temp.indicators} i on i.ar = r.ar || '' and i.indikator = r.indikator and i.verksamhet = r.verksamhet
       join ${temp.svar} s on s.svar = r.svar`;
    await db.run(
      `create temp table ${answers.stagedIn} as
       select u.year, u.unit_id, i.indicator_id, s.answer, s.raw_text, u.unit_text, null::integer as source_file_id,
              null::varchar as sheet, r.line as source_row, $1::varchar as source_column
       ${joined} where u.level is null and s.answer is not null`,
      [labels.svar],
    );
    await db.run(
      `create temp table ${shares.stagedIn} as
       select u.year, u.level, u.unit_id, i.indicator_id, s.share_ja, s.n_units, null::integer as n_respondents_row, s.raw_text, u.unit_text,
              null::integer as source_file_id, null::varchar as sheet, r.line as source_row, $1::varchar as source_column
       ${joined} where u.level is not null and s.is_share`,
      [labels.svar],
    );
    // Each line gives at most one fact (every lookup table has one row per text), so the counts say
    // whether any line failed or repeats another before the slower queries that say which.
    const counts = (await db.one<{ answers: number; shares: number; rows: number; distinct_keys: number }>(
      `select (select count(*) from ${answers.stagedIn})::int as answers, (select count(*) from ${shares.stagedIn})::int as shares,
              (select count(*) from ${temp.rows})::int as rows,
              (select count(*) from (select distinct year, unit_id, indicator_id from ${answers.stagedIn}
                                     union all select distinct year, unit_id, indicator_id from ${shares.stagedIn}))::int as distinct_keys`,
    ))!;
    // The lines that did not, told line by line as the row-by-row reader told them; then lines that repeat
    // an earlier line's unit and indicator (answers first, then shares, each in line order).
    if (counts.answers + counts.shares < counts.rows) {
      const failed = await db.all<RawRow>(
        `select * from ${temp.rows} r
         where not exists (select 1 from ${answers.stagedIn} a where a.source_row = r.line)
           and not exists (select 1 from ${shares.stagedIn} s where s.source_row = r.line)
         order by line`,
      );
      for (const row of failed) for (const p of resolve.rowProblems(row)) problems.add({ row: row.line, ...p });
    }
    if (counts.distinct_keys < counts.answers + counts.shares) {
      const repeats = await db.all<{ line: number; year: number; unit_id: string; indicator_id: string; first: number }>(
        `select line, year, unit_id, indicator_id, first from (
           select source_row as line, year, unit_id, indicator_id, part, min(source_row) over (partition by year, unit_id, indicator_id) as first
           from (select *, 0 as part from ${answers.stagedIn} union all by name select *, 1 as part from ${shares.stagedIn}))
         where line <> first order by part, line`,
      );
      for (const r of repeats) {
        problems.add({ sheet: undefined, row: r.line, column: labels.svar, message: `${r.unit_id} ${r.year} ${r.indicator_id} finns redan på rad ${r.first} (två rader för samma enhet?)` });
      }
    }
    problems.throwIfAny();

    answers.length = counts.answers;
    shares.length = counts.shares;
    const years = [...new Set(arTexts.flatMap(({ ar }) => {
      const year = yearOf(ar);
      return year === undefined ? [] : [year];
    }))].sort();
    stagedTables.length = 0;
    return { years, answers, shares, rowsRead: counts.rows };
  } finally {
    for (const table of [...Object.values(temp), ...stagedTables]) await db.run(`drop table if exists ${table}`);
  }
}

type RawRow = { line: number; ar: string; enhet: string; indikator: string; verksamhet: string; svar: string };
/** A file with quoted fields (which may span lines), read by the CSV parser: header and body. */
function readQuoted(file: string, bytes: Buffer): { header?: Grid['rows'][number]; body: Grid['rows'] } {
  const [header, ...body] = readDelimited(file, bytes).rows;
  return { header, body };
}

/** The first line that is not blank (only delimiters and whitespace), as the header, with its line number. */
function firstLine(text: string, delimiter: string): Grid['rows'][number] | undefined {
  const blank = new RegExp(`^[${delimiter === '\t' ? '' : delimiter}\\s]*$`);
  for (let start = 0, line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end < 0 ? text.length : end);
    if (!blank.test(content)) return { line, cells: content.split(delimiter).map((c) => (c.trim() === '' ? null : c)) };
    if (end < 0) return undefined;
    start = end + 1;
  }
  return undefined;
}

/**
 * A file without a quote character, split in DuckDB into `table`: each non-blank line after
 * `headerLine` as its line number, the five cells at `positions` ('' where the line is short) and its
 * number of fields.
 */
async function splitLines(db: Database, text: string, delimiter: string, positions: number[], headerLine: number, table: string): Promise<void> {
  const blank = `[${delimiter === '\t' ? '' : delimiter}${jsWhitespace}]*`;
  // DuckDB reads the text from a copy we write (UTF-8, whatever the file's encoding): bound as a
  // parameter, a national file's text takes ten times as long to reach DuckDB.
  const dir = mkdtempSync(join(tmpdir(), 'beredskap-csv-'));
  try {
    const copy = join(dir, 'utf8.csv');
    writeFileSync(copy, text);
    await db.run(
      `create temp table ${table} as
       select line, ${positions.map((_, k) => `coalesce(p[$${k + 1}], '') as ${ojCsvColumns[k]}`).join(', ')}, len(p)::integer as fields
       from (
         select line, string_split(text, $6) as p
         from (select unnest(ls) as text, unnest(range(1, len(ls) + 1))::integer as line from (select string_split(content, chr(10)) as ls from read_text($7)))
         where line > $8 and not regexp_full_match(text, $9))`,
      [...positions.map((i) => i + 1), delimiter, copy, headerLine, blank],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh temporary table of these columns holding these rows. */
async function loadTable(db: Database, table: string, columns: string, rows: DuckDBValue[][]): Promise<void> {
  await db.run(`create temp table ${table} (${columns})`);
  await appendRows(db, table, rows);
}

type RowProblem = { column: string; found?: string; message: string; suggestions?: string[] };

/**
 * The catalog's reading of each text a long file holds, remembered per distinct raw text; and a failed
 * line's problems, in the order a reader going through the line finds them (it stops at the first
 * column that is wrong, except that indikator and verksamhet are told together).
 */
function resolver(catalog: Catalog, labels: Record<Column, string>) {
  const year = memo((ar: string) => parseYear(cellText(ar)));
  const unit = memo((y: number, enhet: string) => {
    const name = cellText(enhet);
    return resolveRowUnit(catalog, /^\d+$/.test(name) ? name : null, name, y);
  });
  const indicator = memo((y: number, indikator: string, verksamhet: string) => resolveIndicator(catalog, cellText(indikator), cellText(verksamhet), y, labels));
  const answer = memo((svar: string) => parseAnswer(catalog, svar));
  const share = memo((svar: string) => parseShare(catalog, svar));
  const rowProblems = (row: RawRow): RowProblem[] => {
    const y = year(row.ar);
    if ('problem' in y) return [{ column: labels.ar, found: cellText(row.ar), message: y.problem }];
    const u = unit(y.year, row.enhet);
    if ('problem' in u) return [{ column: labels.enhet, found: u.found, message: u.problem, suggestions: u.suggestions }];
    const i = indicator(y.year, row.indikator, row.verksamhet);
    if ('problems' in i) return i.problems;
    const svar = cellText(row.svar);
    if (aggregateLevels[u.unit.kind]) {
      return share(row.svar) ? [] : [{ column: labels.svar, found: svar, message: `andelen för ${u.unit.name} kan inte läsas (väntade procent)` }];
    }
    return answer(row.svar) ? [] : [{ column: labels.svar, found: svar, message: 'okänt svar', suggestions: catalog.suggest('oj_answer', svar) }];
  };
  return { year, unit, indicator, answer, share, rowProblems };
}

/** `work` remembered per distinct arguments (strings and numbers). */
function memo<A extends (string | number)[], R>(work: (...args: A) => R): (...args: A) => R {
  const known = new Map<string, R>();
  return (...args: A) => {
    const key = args.join('\u0000');
    if (!known.has(key)) known.set(key, work(...args));
    return known.get(key)!;
  };
}

/** The indicator an `indikator` (id, or area) and `verksamhet` text name in `year`, or what is wrong with them. */
function resolveIndicator(
  catalog: Catalog,
  indicatorText: string,
  verksamhetText: string,
  year: number,
  labels: { indikator: string; verksamhet: string },
): { id: string } | { problems: RowProblem[] } {
  const byId = catalog.indicators.find((i) => i.indicator_id === indicatorText);
  if (byId) return { id: byId.indicator_id };
  const problems: RowProblem[] = [];
  const area = catalog.lookup('oj_area', indicatorText);
  const verksamhet = catalog.lookup('oj_verksamhet', verksamhetText);
  if (!area) problems.push({ column: labels.indikator, found: indicatorText, message: 'okänd indikator', suggestions: catalog.suggest('oj_area', indicatorText) });
  if (!verksamhet) problems.push({ column: labels.verksamhet, found: verksamhetText, message: 'okänd verksamhet', suggestions: catalog.suggest('oj_verksamhet', verksamhetText) });
  if (!area || !verksamhet) return { problems };
  const indicator = catalog.indicatorFor(area, verksamhet, year);
  if ('problem' in indicator) return { problems: [{ column: labels.indikator, message: indicator.problem }] };
  return { id: indicator.indicator_id };
}
