import { join } from 'node:path';
import { progressLine } from '../src/text/progress.ts';
import type { Database, DbSession } from '../src/db/database.ts';
import type { FileReport } from '../src/imports/importFiles.ts';
import { formatProblem } from '../src/text/problems.ts';
import { formatBytes, unreachable, type FailureReason, type HttpOptions } from './http.ts';
import { pullKolada, type KoladaReport } from './kolada.ts';
import { pullOj, type OjPullReport } from './ojWorkbooks.ts';
import { defaultRawDir } from './rawStore.ts';

/**
 * `beredskap pull oj|kolada`: runs a loader and says what happened – one line per file, one line for a
 * host that cannot be reached, or a --json summary – and how the run ended, which the CLI turns into
 * its exit code.
 */

/** ok: all fetched or unchanged · offline: a source could not be reached, cached files used · failed:
 * a source answered with something unusable (wrong URL, error page, too large…) · badInput: the
 * downloaded files could not be imported, nothing written. */
export type PullOutcome = 'ok' | 'offline' | 'failed' | 'badInput';

export function pullOutcome(failures: readonly (FailureReason | undefined)[], importProblems: number): PullOutcome {
  if (importProblems) return 'badInput';
  if (failures.some((r) => r && !unreachable.has(r))) return 'failed';
  if (failures.some((r) => r && unreachable.has(r))) return 'offline';
  return 'ok';
}

export interface PullArgs {
  source: 'oj' | 'kolada';
  /** For oj: only this year (else every year in data/sources.csv). */
  year?: number;
  /** --replace: a new version (ÖJ file or Kolada pull) may remove more than a quarter of what it replaces. */
  replace?: boolean;
  configDir: string;
  json: boolean;
  quiet: boolean;
  out: (text: string) => void;
  err?: (text: string) => void;
  /** How the CLI prints import reports (the same lines as `import oj`). */
  printImports: (reports: FileReport[]) => void;
  env?: NodeJS.ProcessEnv;
  http?: HttpOptions;
}

/** Env BEREDSKAP_MAX_DOWNLOAD_MB: the size limit per downloaded file (default 50 MB). */
function httpFromEnv(env: NodeJS.ProcessEnv): HttpOptions {
  const mb = Number(env.BEREDSKAP_MAX_DOWNLOAD_MB);
  return mb > 0 ? { maxBytes: Math.round(mb * 1024 * 1024) } : {};
}

/** `db`: the open database, or (as the CLI passes) a session that opens it only to store what was fetched. */
export async function runPull(db: Database | DbSession, args: PullArgs): Promise<PullOutcome> {
  const env = args.env ?? process.env;
  const err = args.err ?? ((t: string) => process.stderr.write(`${t}\n`));
  const progress = progressLine({ quiet: args.quiet || args.json });
  // Bytes so far, the total when the server says it, and the rate.
  const onProgress = (label: string, received: number, total: number | undefined) => progress.update(label, (ms) =>
    `${formatBytes(received)}${total ? ` av ${formatBytes(total)}` : ''} (${formatBytes(ms > 0 ? received / (ms / 1000) : 0)}/s)`);
  const common = { rawDir: defaultRawDir(env), http: { ...httpFromEnv(env), ...args.http }, onProgress };
  if (args.source === 'oj') {
    const report = await pullOj(db, {
      ...common,
      sourcesPath: join(args.configDir, 'sources.csv'),
      years: args.year === undefined ? undefined : [args.year],
      baseUrl: env.OJ_BASE_URL || undefined,
      replace: args.replace,
    }).finally(progress.done);
    const outcome = pullOutcome(report.files.map((f) => f.reason), report.problems.length);
    if (args.json) args.out(JSON.stringify({ source: 'oj', outcome, ...report }, null, 2));
    else printOj(report, args, err);
    return outcome;
  }
  const report = await pullKolada(db, { ...common, baseUrl: env.KOLADA_BASE_URL || undefined, replace: args.replace }).finally(progress.done);
  const outcome = pullOutcome([report.reason], 0);
  if (args.json) args.out(JSON.stringify({ source: 'kolada', outcome, ...report }, null, 2));
  else printKolada(report, args.out);
  return outcome;
}

function printOj(report: OjPullReport, args: PullArgs, err: (text: string) => void): void {
  const offline = report.files.filter((f) => f.reason === 'offline');
  if (offline.length) {
    // Unreachable is one line, not one per year.
    const cached = offline.filter((f) => f.cached).length;
    args.out(`Offline: ${offline[0]!.message}. ${offline.length === 1 ? 'Ett år' : `${offline.length} år`} kunde inte hämtas; ${cached ? `fortsätter med ${cached} tidigare hämtade filer` : 'inga tidigare hämtade filer finns'}.`);
  }
  const noAddress = report.files.filter((f) => f.status === 'no_address');
  if (noAddress.length) {
    // One line for all such years: the same advice, with the result page to look the links up.
    args.out(`${noAddress.map((f) => f.year).join(', ')}: ${(noAddress[0]!.message ?? '').replace(/ \(rad \d+\)/, '')}.`);
  }
  for (const f of report.files) {
    if (f.status === 'no_address') continue;
    const size = f.bytes === undefined ? '' : `, ${formatBytes(f.bytes)}`;
    if (f.status === 'fetched') {
      args.out(`${f.year}: hämtad${size}${f.toImport ? '' : ' – samma innehåll som redan är importerat; inget ändrat'}.`);
    } else if (f.status === 'unchanged') {
      args.out(`${f.year}: oförändrad på servern (304)${f.toImport ? ' – den sparade filen har inte importerats förut och importeras nu' : '; inget importerat'}.`);
    } else if (f.reason !== 'offline') {
      args.out(`${f.year}: misslyckades – ${f.message}.${f.cached ? ' Den tidigare hämtade filen används.' : ''}`);
    }
  }
  for (const f of report.files) {
    const q = f.quarantined;
    if (q?.earlier) args.out(`${f.year}: samma fil som tidigare sattes i karantän (${q.problem}); importeras inte igen förrän data/ ändras – eller med "beredskap import oj ${q.path}".`);
  }
  if (report.imports.length) args.printImports(report.imports);
  if (report.problems.length) {
    const quarantined = report.files.filter((f) => f.quarantined && !f.quarantined.earlier);
    err(`Nedladdade filer kunde inte importeras. ${report.problems.length === 1 ? 'Ett fel' : `${report.problems.length} fel`}:`);
    for (const p of report.problems) err(`  ${formatProblem(p)}`);
    for (const f of quarantined) err(`${f.file} är flyttad till karantän (${f.quarantined!.path}), så att senare hämtningar inte stannar på den; övriga år importeras utan den.`);
    if (!quarantined.length) err('Inget har skrivits.');
  }
}

function printKolada(report: KoladaReport, out: (text: string) => void): void {
  const asked = `${report.requests.length} anrop, ${report.requests.reduce((n, r) => n + r.pages, 0)} sidor`;
  if (report.status === 'failed') {
    const what = report.reason && unreachable.has(report.reason) ? 'Kolada kan inte nås' : 'Hämtningen från Kolada misslyckades';
    out(`${what}: ${report.message}. Databasen behåller tidigare hämtade Kolada-värden.`);
    return;
  }
  const years = report.years.length ? ` (${report.years[0]}–${report.years[report.years.length - 1]})` : '';
  const skipped = report.deleted ? `, ${report.deleted} raderade rader hoppades över` : '';
  if (report.status === 'unchanged') {
    out(`Kolada: ${report.rows.toLocaleString('sv-SE')} värden${years}, samma som källa #${report.previous!.source_file_id} (${report.previous!.imported_at.slice(0, 16)}); inget ändrat (${asked}${skipped}).`);
    return;
  }
  const a = report.answers!;
  out(`Kolada: ${report.rows.toLocaleString('sv-SE')} värden${years} lagrade som källa #${report.sourceFileId} (${asked}${skipped}).`);
  out(`  ÖJ-svar för kommunår som bara Kolada har: ${a.added} nya, ${a.removed} borttagna, ${a.changed} ändrade.`);
}
