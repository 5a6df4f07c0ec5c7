import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readConfigTable } from '../src/config/readConfigTable.ts';
import { sessionOf, type Database, type DbSession } from '../src/db/database.ts';
import type { FileReport } from '../src/imports/importFiles.ts';
import { InputError, ProblemList, type Problem } from '../src/text/problems.ts';
import { importOj } from '../src/oj/importOj.ts';
import { xlsxProblem } from './contentCheck.ts';
import { DownloadError, download, unreachable, type FailureReason, type HttpOptions } from './http.ts';
import { removeStaleParts, StateFile, writeFileAtomic } from './rawStore.ts';

/**
 * `beredskap pull oj`: Socialstyrelsen's ÖJ krisberedskap workbooks, one per year as listed in
 * data/sources.csv, downloaded to <raw>/oj/ and imported through the ÖJ importer (all downloaded files
 * in one transaction, sha256 no-ops as for `import oj`). Unreachable sources leave the cached copies in
 * use; files on disk that were never imported are imported.
 */

export interface OjSource {
  year: number;
  /** Null: no verified address is known; the year is imported by hand from the result page. */
  url: string | null;
  resultPage: string | null;
  sha256: string | null;
  note: string | null;
  line: number;
}

const isHttpUrl = (text: string) => {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** data/sources.csv, checked: every fault named with its line, or InputError. */
export function readSources(path: string): OjSource[] {
  const file = basename(path);
  const problems = new ProblemList(file);
  const { records } = readConfigTable(dirname(path), file, { required: ['year'], optional: ['url', 'sha256', 'result_page', 'note'] }, problems);
  const seen = new Set<number>();
  const sources = records.map((r): OjSource => {
    const year = r.int('year') ?? 0;
    const url = r.opt('url');
    const sha256 = r.opt('sha256');
    if (seen.has(year)) problems.add({ file, row: r.line, column: 'year', found: String(year), message: 'året finns redan på en tidigare rad' });
    seen.add(year);
    if (url !== null && !isHttpUrl(url)) problems.add({ file, row: r.line, column: 'url', found: url, message: 'ingen giltig adress: den ska börja med http:// eller https://' });
    if (sha256 !== null && !/^[0-9a-f]{64}$/i.test(sha256)) problems.add({ file, row: r.line, column: 'sha256', found: sha256, message: 'sha256 ska vara 64 hexadecimala tecken' });
    return { year, url, resultPage: r.opt('result_page'), sha256, note: r.opt('note'), line: r.line };
  });
  problems.throwIfAny();
  return sources;
}

/** The URL with its scheme and host (and port) replaced by `base`'s; a path in `base` is put in front. */
export function withBaseUrl(url: string, base: string | undefined): string {
  if (!base) return url;
  const original = new URL(url);
  const b = new URL(base);
  return `${b.origin}${b.pathname.replace(/\/+$/, '')}${original.pathname}${original.search}`;
}

/** The year in the name, so the importer finds it even when the workbook's title does not say. */
export const ojFileName = (year: number) => `oj-krisberedskap-${year}.xlsx`;

export interface OjFileOutcome {
  year: number;
  url: string;
  file: string;
  /** no_address: sources.csv knows no verified address for the year; nothing was asked. */
  status: 'fetched' | 'unchanged' | 'failed' | 'no_address';
  reason?: FailureReason;
  message?: string;
  httpStatus?: number;
  attempts?: number;
  bytes?: number;
  sha256?: string;
  /** A copy from an earlier pull is on disk, and is what the database is built from. */
  cached: boolean;
  /** Passed to the importer in this run (new, or on disk and never imported). */
  toImport: boolean;
  /** The file could not be imported and was set aside (in this pull, or earlier with the same configuration). */
  quarantined?: { path: string; earlier: boolean; problem: string };
}

export interface OjPullReport {
  files: OjFileOutcome[];
  imports: FileReport[];
  /** The importer's problems: nothing was written. */
  problems: Problem[];
}

export interface PullOjOptions {
  sourcesPath: string;
  rawDir: string;
  years?: number[];
  /** Env OJ_BASE_URL. */
  baseUrl?: string;
  /** --replace, as for `import oj`. */
  replace?: boolean;
  http?: HttpOptions;
  onProgress?: (label: string, received: number, total: number | undefined) => void;
}

const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Where files that could not be imported are set aside, so that they do not stop every later pull. */
export const quarantineDirName = 'karantan';

interface QuarantineEntry {
  file: string;
  /** The configuration (data/) the import failed with: once it changes, the file is tried again. */
  configSha256: string | null;
  problem: string;
  at: string;
}

class Quarantine {
  private readonly path: string;
  private readonly entries: Record<string, QuarantineEntry>;

  constructor(readonly dir: string) {
    this.path = join(dir, 'karantan.json');
    let entries: Record<string, QuarantineEntry> = {};
    try {
      if (existsSync(this.path)) entries = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, QuarantineEntry>;
    } catch {
      entries = {};
    }
    this.entries = entries;
  }

  /** Set aside before, and the configuration is the same: importing it again would fail the same way. */
  known(sha256: string, configSha256: string | null): QuarantineEntry | undefined {
    const e = this.entries[sha256];
    return e && e.configSha256 === configSha256 ? e : undefined;
  }

  pathFor(file: string, sha256: string): string {
    return join(this.dir, file.replace(/\.xlsx$/i, `-${sha256.slice(0, 12)}.xlsx`));
  }

  /** Moves the file into the quarantine folder (one copy per content) and remembers why. */
  add(source: string, file: string, sha256: string, configSha256: string | null, problem: string): string {
    mkdirSync(this.dir, { recursive: true });
    const dest = this.pathFor(file, sha256);
    if (existsSync(dest)) rmSync(source, { force: true });
    else renameSync(source, dest);
    this.entries[sha256] = { file, configSha256, problem, at: new Date().toISOString() };
    writeFileAtomic(this.path, `${JSON.stringify(this.entries, null, 2)}\n`);
    return dest;
  }
}

/**
 * Downloads every year's workbook, then imports what is new. The database is opened only for the
 * import (pass a DbSession): no lock is held while a slow server sends its file. A downloaded file the
 * importer refuses is moved to <raw>/oj/karantan/ with the reason, said once, and the other years are
 * imported without it; the same content is not tried again until the configuration changes (or
 * --replace is given).
 */
export async function pullOj(database: Database | DbSession, options: PullOjOptions): Promise<OjPullReport> {
  const session = sessionOf(database);
  const all = readSources(options.sourcesPath);
  const unknownYears = (options.years ?? []).filter((y) => !all.some((s) => s.year === y));
  if (unknownYears.length) {
    throw new InputError(unknownYears.map((y) => ({ file: basename(options.sourcesPath), found: String(y), message: 'året finns inte i filen; lägg till en rad med dess adress' })));
  }
  if (options.baseUrl && !isHttpUrl(options.baseUrl)) {
    throw new InputError([{ file: 'OJ_BASE_URL', found: options.baseUrl, message: 'ingen giltig adress: den ska börja med http:// eller https://' }]);
  }
  const sources = options.years ? all.filter((s) => options.years!.includes(s.year)) : all;
  const dir = join(options.rawDir, 'oj');
  removeStaleParts(dir);
  const state = new StateFile(join(dir, '.state.json'));
  const offlineHosts = new Map<string, DownloadError>();
  const files: OjFileOutcome[] = [];

  for (const source of sources) {
    const file = ojFileName(source.year);
    const dest = join(dir, file);
    const cached = existsSync(dest);
    if (source.url === null) {
      const where = source.resultPage ? `resultatsidan ${source.resultPage}` : 'Socialstyrelsens resultatsida för Öppna jämförelser – krisberedskap';
      files.push({ year: source.year, url: '', file, cached, toImport: false, status: 'no_address', message: `ingen verifierad adress i ${basename(options.sourcesPath)} (rad ${source.line}) – ladda ner Excelfilen från ${where} och kör \`beredskap import oj FIL\`` });
      continue;
    }
    const url = withBaseUrl(source.url, options.baseUrl);
    const base = { year: source.year, url, file, cached, toImport: false };
    const host = new URL(url).host;
    const offline = offlineHosts.get(host);
    if (offline) {
      // One unreachable host is not tried again for every year.
      files.push({ ...base, status: 'failed', reason: 'offline', message: offline.message });
      continue;
    }
    // Only a copy we hold, of this URL and unchanged since, may be answered with a 304.
    const known = state.get(file);
    const validators = cached && known && known.url === url && sha256File(dest) === known.sha256 ? known : undefined;
    try {
      const result = await download(url, dest, {
        ...options.http,
        validators,
        check: xlsxProblem,
        expectedSha256: source.sha256 ?? undefined,
        onProgress: (received, total) => options.onProgress?.(`${source.year}`, received, total),
      });
      if (result.status === 'not_modified') {
        files.push({ ...base, status: 'unchanged', attempts: result.attempts, sha256: known!.sha256, bytes: known!.bytes });
        continue;
      }
      state.set(file, { url, etag: result.etag, lastModified: result.lastModified, sha256: result.sha256, bytes: result.bytes, fetchedAt: new Date().toISOString() });
      files.push({ ...base, status: 'fetched', attempts: result.attempts, sha256: result.sha256, bytes: result.bytes });
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      if (error.reason === 'offline') offlineHosts.set(host, error);
      const hint = unreachable.has(error.reason) ? '' : `; rätta raden för ${source.year} i ${basename(options.sourcesPath)} (rad ${source.line}) om adressen är fel`;
      files.push({ ...base, status: 'failed', reason: error.reason, message: `${error.message}${hint}`, httpStatus: error.status, attempts: error.attempts });
    }
  }

  // A fresh download is imported unless its content is in force (or was removed with `remove source`);
  // a copy on disk (unchanged, or kept because this pull failed) only if it was never imported, e.g.
  // after an earlier import failed.
  const quarantine = new Quarantine(join(dir, quarantineDirName));
  return session(async (db) => {
    const configSha256 = (await db.one<{ sha: string }>('select content_sha256 as sha from config_state limit 1'))?.sha ?? null;
    const shas = new Map<OjFileOutcome, string>();
    for (const f of files) {
      const path = join(dir, f.file);
      if (!existsSync(path)) continue;
      const sha256 = f.sha256 ?? sha256File(path);
      shas.set(f, sha256);
      const sql = f.status === 'fetched'
        ? 'select count(*)::int as n from source_file where sha256 = $1 and superseded_by is null'
        : 'select count(*)::int as n from source_file where sha256 = $1';
      f.toImport = !(await db.one<{ n: number }>(sql, [sha256]))!.n;
      // --replace is a new decision about a file the shrink guard refused: it is tried again.
      const earlier = f.toImport && !options.replace ? quarantine.known(sha256, configSha256) : undefined;
      if (earlier) {
        f.toImport = false;
        f.cached = false;
        f.quarantined = { path: quarantine.add(path, f.file, sha256, configSha256, earlier.problem), earlier: true, problem: earlier.problem };
      }
    }
    let imports: FileReport[] = [];
    const problems: Problem[] = [];
    let pending = files.filter((f) => f.toImport);
    while (pending.length) {
      try {
        // importOj lets Kolada's answers for these years give way, in its own transaction.
        imports = await importOj(db, pending.map((f) => join(dir, f.file)), { replace: options.replace });
        break;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.problems);
        // The files the problems name are set aside; the others are imported without them.
        const bad = pending.filter((f) => error.problems.some((p) => p.file === f.file));
        if (!bad.length) break;
        for (const f of bad) {
          const first = error.problems.find((p) => p.file === f.file)!;
          f.toImport = false;
          f.cached = false;
          f.quarantined = { path: quarantine.add(join(dir, f.file), f.file, shas.get(f)!, configSha256, first.message), earlier: false, problem: first.message };
        }
        pending = pending.filter((f) => !bad.includes(f));
      }
    }
    return { files, imports, problems };
  });
}
