// The importers' fuzz test: the sample's own files (generated for the small fixture city), mutated at
// random, imported in-process into a database that holds the unmutated files. Each import must either
// succeed with a summary whose counts of new, removed and changed facts are the real differences in
// the database, or be refused as bad input with every problem naming the file and a row (or being about
// the whole file) — never another error, and never take more than a few seconds.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../config/catalog.ts';
import type { Database } from '../../db/database.ts';
import type { FileReport, ImportOptions } from '../../imports/importFiles.ts';
import { formatProblem, InputError, type Problem } from '../../text/problems.ts';
import type { FactTable } from '../../imports/storeFacts.ts';
import { importJudgement, judgementTable } from '../../judgement/importJudgement.ts';
import { importOj, ojAnswerTable, ojShareTable } from '../../oj/importOj.ts';
import { readOjWorkbook } from '../../oj/readOjWorkbook.ts';
import { generateSample } from '../../sample/generateSample.ts';
import { hashKey, mulberry32 } from '../../sample/random.ts';
import { importSelfAssessment, selfAssessmentTable } from '../../self/importSelfAssessment.ts';
import { readDelimited } from '../../text/readDelimited.ts';
import { workbookGrids } from '../../text/readWorkbook.ts';
import type { Grid } from '../../text/grid.ts';
import { mutate, writeDoc, type Cell, type Doc } from './mutate.ts';

type Importer = (db: Database, paths: string[], options?: ImportOptions) => Promise<FileReport[]>;

/** One of the sample's files, as the fuzz test mutates it. */
export interface Subject {
  name: string;
  file: string;
  doc: Doc;
  importer: Importer;
}

const factTables: FactTable[] = [ojAnswerTable, ojShareTable, selfAssessmentTable, judgementTable];

/** How long one import of a small file may take, mutated or not. */
export const secondsPerImport = 5;

/**
 * Problems that are about a whole file, not a row of it: a year, header, sheet or encoding it lacks, a
 * file that is not what its name says, and the guards against a partial new version.
 */
const wholeFile = [
  /^året /, /^bladen anger olika år/, /^filen anger året/, /^ingen rubrikrad hittades/, /^inget resultatblad hittades/, /^filen innehåller inga uppgifter/,
  /^filen kan inte läsas som \.xlsx/, /^filen är ingen Excel-arbetsbok/, /^filen är kodad som UTF-16/, /^den nya versionen tar bort /, /^filen tar bort \d+ av \d+ tidigare svar/,
];
// What a message must not hold: the parsers' and the runtime's English, a stack trace.
const foreign = /\b(undefined|null|NaN|Error|the|is|at line|expected|Cannot|of undefined)\b|\n\s+at /;

const rowsOf = (grid: Grid): Cell[][] => {
  const rows: Cell[][] = [];
  for (const r of grid.rows) rows[r.line - 1] = [...r.cells];
  return Array.from(rows, (r) => r ?? []);
};

/**
 * The fuzz test's subjects, generated into `dir` from the configuration in `db` (the fixture city): an
 * ÖJ workbook, a long ÖJ CSV of another year made from a second workbook's answers, a self-assessment as
 * CSV and as .xlsx, and the management system's export of nämndens bedömning.
 */
export async function sampleSubjects(db: Database, dir: string): Promise<Subject[]> {
  const { ojFiles, selfFiles, judgementFiles } = await generateSample(db, join(dir, 'sample'), { ojYears: [2023, 2024], selfYears: [2024] });
  const workbook = async (path: string): Promise<Doc> => ({ format: 'xlsx', sheets: (await workbookGrids(readFileSync(path), path)).map((g) => ({ name: g.sheet!, rows: rowsOf(g) })) });
  const csv = async (path: string): Promise<Doc> => ({ format: 'csv', csv: { delimiter: ';', charset: 'utf8', eol: '\n' }, sheets: [{ name: 'csv', rows: rowsOf(readDelimited(path, readFileSync(path))) }] });
  const catalog = await Catalog.load(db, { applicability: false });
  const reading = readOjWorkbook((await workbookGrids(readFileSync(ojFiles[0]!), ojFiles[0]!)), catalog, { file: ojFiles[0]! });
  const indicator = (id: string) => catalog.indicators.find((i) => i.indicator_id === id)!;
  const longRows: Cell[][] = [['ar', 'enhet', 'indikator', 'verksamhet', 'svar'], ...[...reading.shares, ...reading.answers].map((f) => [f.year, catalog.unit(f.unit_id)!.name, indicator(f.indicator_id).area, indicator(f.indicator_id).verksamhet, f.raw_text])];
  const selfCsv = selfFiles.find((f) => f.endsWith('.csv'))!;
  const selfXlsx = selfFiles.find((f) => f.endsWith('.xlsx'))!;
  return [
    { name: 'ÖJ-arbetsbok', file: 'oj-krisberedskap-2024.xlsx', doc: await workbook(ojFiles[1]!), importer: importOj },
    { name: 'ÖJ lång CSV', file: 'oj-lang-2023.csv', doc: { format: 'csv', csv: { delimiter: ';', charset: 'utf8', eol: '\n' }, sheets: [{ name: 'csv', rows: longRows }] }, importer: importOj },
    { name: 'självskattning CSV', file: 'sjalvskattning-t1.csv', doc: await csv(selfCsv), importer: importSelfAssessment },
    { name: 'självskattning xlsx', file: 'sjalvskattning-t2.xlsx', doc: await workbook(selfXlsx), importer: importSelfAssessment },
    { name: 'nämndens bedömning', file: 'bedomning-2024.xlsx', doc: await workbook(judgementFiles[0]!), importer: importJudgement },
  ];
}

/** The fact tables as key → compared values, per table. */
export type Facts = Map<string, Map<string, string>>;

/** Every fact, by table and key, with the columns a change compares. */
async function facts(db: Database): Promise<Facts> {
  const all: Facts = new Map();
  for (const t of factTables) {
    const rows = await db.all<{ k: string; v: string }>(`select to_json([${t.key.map((c) => `${c}::varchar`).join(', ')}])::varchar as k, to_json([${t.compared.map((c) => `${c}::varchar`).join(', ')}])::varchar as v from ${t.table}`);
    all.set(t.table, new Map(rows.map((r) => [r.k, r.v])));
  }
  return all;
}

/** The real differences between two states of the fact tables, counted as a summary counts them. */
function differences(before: Facts, after: Facts): Record<string, { added: number; removed: number; changed: number }> {
  const result: Record<string, { added: number; removed: number; changed: number }> = {};
  for (const [table, old] of before) {
    const now = after.get(table)!;
    const d = { added: 0, removed: 0, changed: 0 };
    for (const [k, v] of now) {
      if (!old.has(k)) d.added++;
      else if (old.get(k) !== v) d.changed++;
    }
    for (const k of old.keys()) if (!now.has(k)) d.removed++;
    result[table] = d;
  }
  return result;
}

class Rollback extends Error {}

/** The import of `path`, in a transaction rolled back afterwards: its reports or its error, and the fact tables as it left them. */
async function importAndRollBack(db: Database, importer: Importer, path: string, catalog: Catalog) {
  let outcome: { reports?: FileReport[]; error?: unknown; after?: Facts } = {};
  await db.transaction(async () => {
    try {
      outcome = { reports: await importer(db, [path], { catalog }) };
      outcome.after = await facts(db);
    } catch (error) {
      outcome = { error };
    }
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
  return outcome;
}

/** What is wrong with one import's outcome, or undefined when it is as the fuzz test demands. */
export function judge(file: string, outcome: { reports?: FileReport[]; error?: unknown; after?: Facts }, before: Facts, seconds: number): string | undefined {
  if (seconds > secondsPerImport) return `tog ${seconds.toFixed(1)} s`;
  if (outcome.error !== undefined) {
    if (!(outcome.error instanceof InputError)) return `inte ett inputfel (exit 70): ${String((outcome.error as Error).stack ?? outcome.error).split('\n').slice(0, 3).join(' | ')}`;
    const bad = outcome.error.problems.find((p) => problemFault(p, file));
    return bad && `${problemFault(bad, file)}: ${formatProblem(bad).slice(0, 300)}`;
  }
  const real = differences(before, outcome.after!);
  for (const [table, d] of Object.entries(real)) {
    const said = { added: 0, removed: 0, changed: 0 };
    for (const r of outcome.reports!) {
      const c = r.changes?.[table];
      if (c) (['added', 'removed', 'changed'] as const).forEach((k) => (said[k] += c[k]));
    }
    if (said.added !== d.added || said.removed !== d.removed || said.changed !== d.changed) {
      return `sammanfattningen säger ${table} ${JSON.stringify(said)} men databasen ändrades ${JSON.stringify(d)}`;
    }
  }
  return undefined;
}

function problemFault(p: Problem, file: string): string | undefined {
  if (p.file !== file) return `problemet nämner inte filen (${p.file})`;
  if (p.row === undefined && !p.rows?.length && !wholeFile.some((w) => w.test(p.message))) return 'problemet nämner ingen rad';
  // The message and the line to add, without the value found (which may be any text a file holds).
  if (foreign.test(`${p.message} ${p.fix ?? ''}`.replaceAll(p.found ?? '\u0000', ''))) return 'meddelandet har främmande text';
  return undefined;
}

/** Mutation `index` of a run with `seed`: which subject, changed how. It depends on nothing else, so any one can be replayed. */
export function mutation(subjects: Subject[], seed: number, index: number): { subject: Subject; doc: Doc; done: string[] } {
  const random = mulberry32(hashKey([seed, index]));
  const subject = subjects[Math.floor(random() * subjects.length)]!;
  return { subject, ...mutate(subject.doc, random) };
}

export interface FuzzFailure {
  index: number;
  subject: string;
  done: string[];
  fault: string;
}

/**
 * Imports every subject's unmutated file into `db` (committed: the state each mutation is compared
 * with), then `count` mutations drawn from `seed`, each rolled back after it is judged. Mutation `i`
 * depends only on (seed, i), so `only` replays one.
 */
export async function fuzzImports(
  db: Database,
  subjects: Subject[],
  options: { seed: number; count: number; dir: string; only?: number; onResult?: (index: number, failure?: FuzzFailure) => void },
): Promise<{ runs: number; refused: number; failures: FuzzFailure[]; slowestSeconds: number }> {
  // Files of a few dozen rows: DuckDB's threads would only cost CPU in starting and joining.
  await db.run('set threads = 1');
  for (const s of subjects) {
    const path = join(options.dir, s.file);
    writeFileSync(path, await writeDoc(s.doc));
    await s.importer(db, [path]);
  }
  const before = await facts(db);
  // Loaded once: each importer would load it again for every file (a tenth of a second each).
  const catalog = await Catalog.load(db);
  const failures: FuzzFailure[] = [];
  let refused = 0;
  let runs = 0;
  let slowestSeconds = 0;
  for (let i = options.only ?? 0; i < (options.only === undefined ? options.count : options.only + 1); i++) {
    const { subject, doc, done } = mutation(subjects, options.seed, i);
    const path = join(options.dir, subject.file);
    writeFileSync(path, await writeDoc(doc));
    const started = performance.now();
    const outcome = await importAndRollBack(db, subject.importer, path, catalog);
    const seconds = (performance.now() - started) / 1000;
    slowestSeconds = Math.max(slowestSeconds, seconds);
    const fault = judge(subject.file, outcome, before, seconds);
    runs++;
    if (outcome.error) refused++;
    const failure = fault ? { index: i, subject: subject.name, done, fault } : undefined;
    if (failure) failures.push(failure);
    options.onResult?.(i, failure);
  }
  for (const s of subjects) rmSync(join(options.dir, s.file), { force: true });
  return { runs, refused, failures, slowestSeconds };
}
