import type { DuckDBValue } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import { refreshAtCommit } from '../db/views.ts';
import type { Grid } from '../text/grid.ts';
import { readDelimited } from '../text/readDelimited.ts';
import { workbookGrids } from '../text/readWorkbook.ts';
import { unreadableFileMessage } from './fileErrors.ts';
import { InputError, type Problem } from '../text/problems.ts';
import { findImported, storeFacts, type Change, type FactRows, type FactTable } from './storeFacts.ts';

export interface ImportOptions {
  year?: number;
  dryRun?: boolean;
  /** A new version may remove more than a quarter of the rows it replaces. */
  replace?: boolean;
  /** Store an ÖJ file whose published shares its own kommun rows do not reproduce (said loudly). */
  acceptFidelity?: boolean;
  isSample?: boolean;
  onProgress?: (file: string, done: number, total: number) => void;
  /**
   * The configuration's lookups, when the caller has them: a process that imports many files against
   * one configuration (the fuzz test) loads them once, not once per import.
   */
  catalog?: Catalog;
}

export interface FileReport {
  file: string;
  status: 'imported' | 'unchanged' | 'validated';
  sourceFileId?: number;
  years: number[];
  rowsRead: number;
  /** Rows not read as facts, by reason (blank, note, heading). */
  rowsSkipped?: Record<string, number>;
  rowsStored: number;
  changes?: Record<string, Change>;
  replacedSourceFiles?: number[];
  /** Said on every output: what was accepted although it looks wrong. */
  warnings?: string[];
  previous?: { source_file_id: number; imported_at: string };
  /** What the user should know besides the counts (a report that does not change the year's figures …). */
  notes?: string[];
}

export interface ImportHooks {
  beforeStore?: (sources: ParsedSource[]) => Promise<void>;
  afterStore?: (reports: FileReport[]) => Promise<void>;
  /** Tables the hooks write besides the fact tables and source_file: the materialised views reading them are refreshed too. */
  writes?: string[];
}

/** What a source-specific parser makes of one file: its kind, years, and rows per fact table. */
export interface ParsedSource {
  kind: string;
  years: number[];
  rowsRead: number;
  rowsSkipped?: Record<string, number>;
  /** Said in the file's report: what the parser read by judgement, e.g. a key column by its content. */
  notes?: string[];
  facts: { table: FactTable; rows: FactRows; scope: DuckDBValue[][] }[];
}

export interface InputFile {
  path: string;
  name: string;
  bytes: Buffer;
  format: 'xlsx' | 'csv';
  /** The file as grids: every sheet of a workbook, or the one table of a CSV. */
  grids(): Promise<Grid[]>;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file to import, by its extension; unreadable or of an unknown type is bad input. */
export function openInput(path: string): InputFile {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError([{ file: path, message: unreadableFileMessage(error) }]);
  }
  if (/\.xlsx$/i.test(path)) {
    return {
      path, name, bytes, format: 'xlsx',
      grids: () => workbookGrids(bytes, name),
    };
  }
  if (/\.(csv|txt)$/i.test(path)) {
    return { path, name, bytes, format: 'csv', grids: async () => [readDelimited(name, bytes)] };
  }
  throw new InputError([{ file: name, message: 'okänd filtyp: väntade .xlsx eller .csv' }]);
}

/**
 * The import shell shared by every source: parse and check every file first (all problems of all
 * files reported together, nothing written), then store all of them in one transaction. A file whose
 * content (sha256) is already imported is a no-op that says so. A dry run stores and rolls back, so it
 * reports exactly what an import would change.
 */
export async function importFiles(
  db: Database,
  paths: string[],
  options: ImportOptions,
  parse: (input: InputFile) => Promise<ParsedSource>,
  /** Source-specific steps inside the same transaction, around storing the new files, and the tables they write. */
  hooks: ImportHooks = {},
): Promise<FileReport[]> {
  const parsed: { input: InputFile; source: ParsedSource }[] = [];
  try {
    return await checkAndStore(db, paths, options, parse, hooks, parsed);
  } finally {
    // Staging tables a parser left for files that were not stored (bad input elsewhere, a no-op, a dry
    // run's rollback): temporary, but a long-lived connection would keep them. Dropping one fails only
    // in a transaction already aborted, whose rollback the caller does.
    for (const { source } of parsed) {
      for (const { rows } of source.facts) if ('stagedIn' in rows) await db.run(`drop table if exists ${rows.stagedIn}`).catch(() => undefined);
    }
  }
}

async function checkAndStore(
  db: Database,
  paths: string[],
  options: ImportOptions,
  parse: (input: InputFile) => Promise<ParsedSource>,
  hooks: ImportHooks,
  parsed: { input: InputFile; source: ParsedSource }[],
): Promise<FileReport[]> {
  const problems: Problem[] = [];
  for (const path of paths) {
    try {
      const input = openInput(path);
      const source = await parse(input);
      // An empty file is refused, not stored: as a new version of its year it would wipe that year.
      if (source.facts.every((f) => f.rows.length === 0)) {
        throw new InputError([{ file: input.name, message: 'filen innehåller inga uppgifter (inga datarader hittades under rubrikraden)' }]);
      }
      parsed.push({ input, source });
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
  }
  problems.push(...overlaps(parsed));
  if (problems.length) throw new InputError(problems);

  const store = async () => {
    const reports: FileReport[] = [];
    await hooks.beforeStore?.(parsed.map((p) => p.source));
    for (const { input, source } of parsed) {
      const sha256 = sha256Of(input.bytes);
      const base = { file: input.name, years: source.years, rowsRead: source.rowsRead, ...(source.rowsSkipped ? { rowsSkipped: source.rowsSkipped } : {}), ...(source.notes ? { notes: source.notes } : {}) };
      const previous = await findImported(db, sha256);
      if (previous) {
        reports.push({ ...base, status: 'unchanged', rowsStored: 0, previous });
        continue;
      }
      const stored = await storeFacts(
        db,
        { kind: source.kind, fileName: input.name, sha256, bytes: input.bytes.length, years: source.years, rowsRead: source.rowsRead, isSample: !!options.isSample },
        source.facts,
        options.replace,
      );
      reports.push({
        ...base,
        status: options.dryRun ? 'validated' : 'imported',
        sourceFileId: stored.sourceFileId,
        rowsStored: source.facts.reduce((n, f) => n + f.rows.length, 0),
        changes: stored.changes,
        replacedSourceFiles: stored.replaced,
      });
    }
    await hooks.afterStore?.(reports);
    // The materialised views that read what was written follow it in the same transaction (none to follow in a dry run).
    if (!options.dryRun && reports.some((r) => r.status !== 'unchanged')) {
      await refreshAtCommit(db, ['source_file', ...parsed.flatMap((p) => p.source.facts.map((f) => f.table.table)), ...(hooks.writes ?? [])]);
    }
    return reports;
  };
  if (!options.dryRun) return db.transaction(store);
  await db.run('begin transaction');
  try {
    return await store();
  } finally {
    await db.run('rollback');
  }
}

/**
 * Two files of one command that cover the same scope (the same ÖJ year of the same kind, or the same
 * nämnd and period): the later would silently replace the earlier, so both are named and neither is
 * stored. The same content twice is no conflict (the second is a no-op).
 */
const scopeWords: Record<string, string> = { year: 'år', period: 'period', unit_id: 'nämnd' };

function overlaps(parsed: { input: InputFile; source: ParsedSource }[]): Problem[] {
  const claimed = new Map<string, { name: string; sha256: string }>();
  const problems = new Map<string, Problem>();
  for (const { input, source } of parsed) {
    const sha256 = sha256Of(input.bytes);
    for (const { table, scope } of source.facts) {
      for (const row of scope) {
        const key = JSON.stringify([source.kind, table.table, row]);
        const other = claimed.get(key);
        if (!other) claimed.set(key, { name: input.name, sha256 });
        else if (other.sha256 !== sha256 && !problems.has(`${other.name}\n${input.name}`)) {
          problems.set(`${other.name}\n${input.name}`, {
            file: input.name,
            found: row.map(String).join(' '),
            message: `gäller samma ${table.scope.map((c) => scopeWords[c] ?? c).join(', ')} som ${other.name} i samma kommando, och den senare skulle tyst ersätta den förra; importera bara den som ska gälla`,
          });
        }
      }
    }
  }
  return [...problems.values()];
}
