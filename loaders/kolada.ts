import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import { appendRows } from '../src/db/appendRows.ts';
import { sessionOf, type Database, type DbSession } from '../src/db/database.ts';
import { count } from '../src/text/plural.ts';
import { InputError } from '../src/text/problems.ts';
import { findImported, storeFacts, type Change } from '../src/imports/storeFacts.ts';
import { ojAnswerTable } from '../src/oj/importOj.ts';
import { htmlProblem } from './contentCheck.ts';
import { DownloadError, download, type FailureReason, type HttpOptions } from './http.ts';
import { koladaAnswersSql } from '../src/imports/koladaAnswers.ts';
import { refreshMaterialised } from '../src/db/views.ts';
import { removeStaleParts } from './rawStore.ts';

/**
 * `beredskap pull kolada`: the KPIs in data/kolada_kpis.csv for every kommun (or organisational unit)
 * and year, from Kolada's API (v3; v2's `next_page` is accepted too). All pages are fetched into a
 * fresh directory first; only a complete pull is stored – kolada_value replaced, answers for
 * kommun-years no file holds added to oj_answer – and only then does the directory replace
 * <raw>/kolada/. A failed or unreachable pull changes nothing.
 */

export const defaultKoladaBaseUrl = 'https://api.kolada.se/v3';
/** Kolada takes at most 25 ids in one path segment. */
export const idsPerRequest = 25;
export const perPage = 5000;
const maxPages = 1000;

export interface KoladaKpi {
  kpi_id: string;
  level: 'municipality' | 'ou';
}

export interface KoladaRow {
  kpi: string;
  municipality: string | null;
  ou: string | null;
  period: number;
  gender: string;
  value: number | null;
  status: string | null;
  count: number | null;
  rawFile: string;
  rawRow: number;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The requests a pull makes: KPIs × years, each id list at most 25 long, per level. */
export function planRequests(kpis: readonly KoladaKpi[], years: readonly number[]): { label: string; path: string; kpis: string[] }[] {
  const plan: { label: string; path: string; kpis: string[] }[] = [];
  for (const level of ['municipality', 'ou'] as const) {
    const ids = [...new Set(kpis.filter((k) => k.level === level).map((k) => k.kpi_id))].sort();
    const yearChunks = chunks([...years].sort(), idsPerRequest);
    chunks(ids, idsPerRequest).forEach((kpiChunk, i) => yearChunks.forEach((yearChunk, j) => {
      plan.push({
        label: `${level === 'ou' ? 'oudata' : 'data'}-${i + 1}${yearChunks.length > 1 ? `-${j + 1}` : ''}`,
        path: `/${level === 'ou' ? 'oudata' : 'data'}/kpi/${kpiChunk.join(',')}/year/${yearChunk.join(',')}`,
        kpis: kpiChunk,
      });
    }));
  }
  return plan;
}

class KoladaFormatError extends Error {}

/**
 * One response page: its rows (deleted rows and values skipped and counted) and the next page's URL
 * (`next_url` in v3, `next_page` in v2), or a KoladaFormatError saying what is not as expected.
 */
export function parsePage(json: unknown, rawFile: string): { rows: KoladaRow[]; deleted: number; next: string | null } {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { values?: unknown }).values)) {
    throw new KoladaFormatError('svaret saknar listan "values"');
  }
  const page = json as { values: Record<string, unknown>[]; next_url?: unknown; next_page?: unknown };
  const rows: KoladaRow[] = [];
  let deleted = 0;
  page.values.forEach((row, index) => {
    if (row.isdeleted === true) {
      deleted++;
      return;
    }
    const kpi = row.kpi;
    const period = Number(row.period);
    const ou = typeof row.ou === 'string' && row.ou ? row.ou : null;
    const municipality = ou ? null : typeof row.municipality === 'string' && row.municipality ? row.municipality : null;
    if (typeof kpi !== 'string' || !Number.isInteger(period) || (!ou && !municipality) || !Array.isArray(row.values)) {
      throw new KoladaFormatError(`rad ${index + 1} saknar kpi, period, kommun/enhet eller värden: ${JSON.stringify(row).slice(0, 200)}`);
    }
    for (const v of row.values as Record<string, unknown>[]) {
      if (v.isdeleted === true) {
        deleted++;
        continue;
      }
      const value = v.value === null || v.value === undefined || v.value === '' ? null : Number(v.value);
      if (value !== null && !Number.isFinite(value)) throw new KoladaFormatError(`rad ${index + 1}: värdet "${String(v.value)}" är inget tal`);
      rows.push({
        kpi, municipality, ou, period,
        gender: typeof v.gender === 'string' && v.gender ? v.gender : 'T',
        value,
        status: typeof v.status === 'string' && v.status.trim() ? v.status.trim() : null,
        count: typeof v.count === 'number' ? v.count : null,
        rawFile,
        rawRow: index + 1,
      });
    }
  });
  const next = [page.next_url, page.next_page].find((n): n is string => typeof n === 'string' && n !== '') ?? null;
  return { rows, deleted, next };
}

const rowKey = (r: KoladaRow) => `${r.kpi}|${r.municipality ?? ''}|${r.ou ?? ''}|${r.period}|${r.gender}`;

/**
 * The pull's content, canonical (one row per key, the last page's version winning; sorted), as the
 * bytes of kolada-values.json: the same values give the same sha256 however the pages fell.
 */
export function canonicalValues(rows: readonly KoladaRow[]): { rows: KoladaRow[]; bytes: Buffer } {
  const byKey = new Map<string, KoladaRow>();
  for (const r of rows) byKey.set(rowKey(r), r);
  const sorted = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  const lines = sorted.map((r) => JSON.stringify([r.kpi, r.municipality, r.ou, r.period, r.gender, r.value, r.status, r.count]));
  return { rows: sorted, bytes: Buffer.from(`[\n${lines.join(',\n')}\n]\n`) };
}

export interface KoladaReport {
  status: 'fetched' | 'unchanged' | 'failed';
  requests: { path: string; pages: number }[];
  rows: number;
  deleted: number;
  years: number[];
  sourceFileId?: number;
  previous?: { source_file_id: number; imported_at: string };
  /** Answers for kommun-years only Kolada has, stored in oj_answer. */
  answers?: Change;
  reason?: FailureReason;
  url?: string;
  message?: string;
}

export interface PullKoladaOptions {
  rawDir: string;
  /** Env KOLADA_BASE_URL. */
  baseUrl?: string;
  /** Default: data/kolada_kpis.csv as loaded into kolada_kpi. */
  kpis?: KoladaKpi[];
  /** Default: 2016 (the first ÖJ krisberedskap year) to this year. */
  years?: number[];
  http?: HttpOptions;
  /** Let this pull remove more than a quarter of the previous pull's answers (--replace). */
  replace?: boolean;
  onProgress?: (label: string, received: number, total: number | undefined) => void;
}

/**
 * `db`: the open database, or a session that opens it only before and after downloading, so that no
 * lock is held while Kolada answers.
 */
export async function pullKolada(database: Database | DbSession, options: PullKoladaOptions): Promise<KoladaReport> {
  const session = sessionOf(database);
  const base = (options.baseUrl || defaultKoladaBaseUrl).replace(/\/+$/, '');
  // Every request of the pull, next pages and redirects included, stays on the configured host.
  const origin = URL.canParse(base) ? new URL(base).origin : undefined;
  const kpis = options.kpis ?? (await session((db) => db.all<KoladaKpi>('select kpi_id, level from kolada_kpi order by kpi_id')));
  const thisYear = new Date().getFullYear();
  const years = options.years ?? Array.from({ length: thisYear - 2015 }, (_, i) => 2016 + i);
  mkdirSync(options.rawDir, { recursive: true });
  removeStaleParts(options.rawDir);
  const target = join(options.rawDir, 'kolada');
  // The new pull's directory sits beside the old one, so the final swap is a rename.
  const work = mkdtempSync(join(options.rawDir, `.kolada-${process.pid}-`));
  const requests: KoladaReport['requests'] = [];
  const rows: KoladaRow[] = [];
  let deleted = 0;
  try {
    for (const request of planRequests(kpis, years)) {
      let url = `${base}${request.path}?per_page=${perPage}`;
      const seen = new Set<string>();
      const done = { path: request.path, pages: 0 };
      requests.push(done);
      for (;;) {
        seen.add(url);
        const file = join('pages', `${request.label}-p${done.pages + 1}.json`);
        const result = await download(url, join(work, file), {
          ...options.http,
          origin,
          check: htmlProblem,
          onProgress: (received, total) => options.onProgress?.(`Kolada ${request.label}`, received, total),
        });
        if (result.status !== 'fetched') throw new DownloadError('http', url, 'oväntat svar 304 från Kolada');
        if (!result.body.toString('utf8').trim()) throw new DownloadError('content', url, 'Kolada svarade 200 men med ett tomt svar', 200);
        done.pages++;
        let page: ReturnType<typeof parsePage>;
        try {
          page = parsePage(JSON.parse(result.body.toString('utf8')), file);
        } catch (error) {
          if (error instanceof SyntaxError || error instanceof KoladaFormatError) {
            throw new DownloadError('content', url, `oväntat svar från Kolada: ${error.message}`, 200);
          }
          throw error;
        }
        rows.push(...page.rows);
        deleted += page.deleted;
        if (!page.next) break;
        let next: string;
        try {
          next = new URL(page.next, url).href;
        } catch {
          throw new DownloadError('content', url, `Kolada pekar på nästa sida med en ogiltig adress (${page.next})`, 200);
        }
        if (seen.has(next) || done.pages >= maxPages) {
          throw new DownloadError('content', url, `Kolada pekar tillbaka på en sida som redan hämtats (${next}); sidnumreringen går i cirkel`, 200);
        }
        url = next;
      }
    }
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    if (!(error instanceof DownloadError)) throw error;
    return { status: 'failed', requests, rows: 0, deleted, years: [], reason: error.reason, url: error.url, message: error.message };
  }

  const canonical = canonicalValues(rows);
  const sha256 = createHash('sha256').update(canonical.bytes).digest('hex');
  const periods = [...new Set(canonical.rows.map((r) => r.period))].sort();
  const summary = { requests, rows: canonical.rows.length, deleted, years: periods };
  if (!canonical.rows.length) {
    // Stored, an empty pull would wipe every value and answer the previous one brought.
    rmSync(work, { recursive: true, force: true });
    return { ...summary, status: 'failed', reason: 'content', url: base, message: 'Kolada svarade utan ett enda värde för de efterfrågade nyckeltalen och åren' };
  }
  try {
    return await session(async (db) => {
      const previous = await findImported(db, sha256);
      if (previous) {
        // Same values as the pull in force: the database, and the raw files it points into, stay as they are.
        rmSync(work, { recursive: true, force: true });
        return { ...summary, status: 'unchanged' as const, previous };
      }
      writeFileSync(join(work, 'kolada-values.json'), canonical.bytes);
      const stored = await db.transaction(async () => {
        const result = await storeKolada(db, canonical.rows, { sha256, bytes: canonical.bytes.length, years: periods }, options.replace);
        await db.beforeCommit(() => refreshMaterialised(db)); // the materialised views follow the pull in its own transaction
        return result;
      });
      rmSync(target, { recursive: true, force: true });
      renameSync(work, target);
      return { ...summary, status: 'fetched' as const, sourceFileId: stored.sourceFileId, answers: stored.answers };
    });
  } finally {
    if (existsSync(work)) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Inside the caller's transaction: registers the pull as a source file of kind 'kolada', stores the
 * answers of kommun-years no other source holds (replacing the previous pull's, which is superseded),
 * and replaces kolada_value.
 */
async function storeKolada(db: Database, rows: KoladaRow[], file: { sha256: string; bytes: number; years: number[] }, replace = false): Promise<{ sourceFileId: number; answers: Change }> {
  await db.run('create or replace temp table stage_kolada_value as select * from kolada_value limit 0');
  await appendRows(db, 'stage_kolada_value', rows.map((r) => [r.kpi, r.municipality, r.ou, r.period, r.gender, r.value, r.status, r.count, null, r.rawFile, r.rawRow]));
  await refuseUnknownKommuner(db, 'stage_kolada_value');
  const answers = await db.all<Record<string, DuckDBValue>>(koladaAnswersSql('stage_kolada_value', 'otherKinds'));
  // The previous pull's answers are replaced in every year they cover, not only in this pull's years.
  const previousYears = await db.all<{ year: number }>(
    `select distinct year from oj_answer join source_file using (source_file_id) where kind = 'kolada'`,
  );
  // (Years joined here, not bound as a list: DuckDB cannot type an empty list parameter.)
  const scope = [...new Set([...previousYears.map((y) => y.year), ...answers.map((a) => a.year as number)])].sort().map((year) => ({ year }));
  const stored = await storeFacts(
    db,
    { kind: 'kolada', fileName: 'kolada-values.json', sha256: file.sha256, bytes: file.bytes, years: file.years, rowsRead: rows.length, isSample: false },
    [{ table: ojAnswerTable, rows: answers.map((a) => ojAnswerTable.columns.map((c) => a[c] ?? null)), scope: scope.map((s) => [s.year]) }],
    replace,
  );
  await db.run('delete from kolada_value');
  await db.run('insert into kolada_value select * replace ($1::integer as source_file_id) from stage_kolada_value', [stored.sourceFileId]);
  await db.run('drop table stage_kolada_value');
  await db.run('update source_file set rows_stored = $1 where source_file_id = $2', [answers.length + rows.length, stored.sourceFileId]);
  return { sourceFileId: stored.sourceFileId, answers: stored.changes.oj_answer! };
}

/**
 * Values for a kommun code org/kommuner.csv does not have are refused by name, --replace or not: stored,
 * they would silently count for no kommun, and their answers' absence would read as a shrinking pull.
 * Kolada's own ids for riket (0000) and a region (00 and the länskod) are not kommuner and pass.
 */
async function refuseUnknownKommuner(db: Database, values: string): Promise<void> {
  const unknown = await db.all<{ municipality: string; n: number; n_kpis: number; first_year: number; last_year: number }>(
    `select municipality, count(*)::int as n, count(distinct kpi)::int as n_kpis, min(period) as first_year, max(period) as last_year
     from ${values}
     where municipality is not null
       and municipality not in (select kommun_code from org_unit where kind = 'kommun')
       and municipality <> '0000'
       and municipality not in (select '00' || lan_code from org_unit where kind = 'lan')
     group by municipality order by municipality`,
  );
  if (!unknown.length) return;
  throw new InputError(unknown.map((u) => ({
    file: 'Kolada',
    message: `kommunkod ${u.municipality} finns inte i data/org/kommuner.csv`,
    fix: `${count(u.n, 'värde', 'värden')} för ${count(u.n_kpis, 'nyckeltal', 'nyckeltal')}, ${u.first_year === u.last_year ? u.first_year : `${u.first_year}–${u.last_year}`}. Lägg till kommunen i data/org/kommuner.csv om den är ny.`,
  })));
}
