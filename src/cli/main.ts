import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Database, DatabaseBusyError, NotADatabaseError, withDatabase, type DbSession } from '../db/database.ts';
import { initDatabase } from '../db/init.ts';
import type { FileReport, ImportOptions } from '../imports/importFiles.ts';
import { InputError, formatProblem } from '../imports/problems.ts';
import type { Change } from '../imports/storeFacts.ts';
import { parseYear } from '../imports/validRanges.ts';
import { importOj } from '../oj/importOj.ts';
import { defaultConfigDir, defaultDbPath, projectRoot } from '../paths.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { importJudgement } from '../judgement/importJudgement.ts';
import { CommandUsageError, runExport, runTemplate, runValidationReport } from '../roundtrip/commands.ts';
import { runViewChecks } from '../sql/viewChecks.ts';
import { formatTable } from './formatTable.ts';
import { reports, runReport } from './report.ts';
import { progressReporter } from './progress.ts';

/**
 * Exit codes: 0 success, 1 bad input (nothing written), 2 usage error, 3 database busy; for pull also
 * 4 a source could not be reached (cached files used), 5 a source answered with something unusable.
 */
export const exitCodes = { ok: 0, badInput: 1, usage: 2, busy: 3, offline: 4, sourceFailed: 5 } as const;

class UsageError extends Error {}

const usage = `Användning: beredskap <kommando> [flaggor]

Kommandon:
  init                                  skapa eller uppdatera databasen (schema, konfiguration, vyer)
  import oj FIL…                        importera ÖJ-arbetsböcker (.xlsx) eller långt format (.csv)
  import self-assessment FIL…           importera nämndernas självskattningar (.xlsx eller .csv)
  inspect FIL [--year ÅR] [--json]      visa hur en ÖJ-arbetsbok läses (blad, rubriker, kolumner, rader, problem); skriver inget
  import judgement FIL…                 importera nämndens bedömning ur ledningssystemet (.xlsx eller .csv)
  sample [--out KATALOG]                skapa exempeldata och importera den
  sources                               lista importerade filer
  remove source ID                      ta bort en importerad källa (nummer ur "sources") med alla dess uppgifter
  check                                 datakvalitet: enheter utan svar, obesvarade andelar, alias, vyernas kontroller
  report readiness|gaps|goals|fidelity  visa beredskapsmått [--year ÅR] [--unit ID] [--format table|csv|json]
  template self-assessment --year ÅR --period T1|T2|VB [--unit ID | --all] -o KATALOG [--force]
                                        självskattningsmallar (.xlsx) per nämnd, förifyllda med förra perioden
  export [--year ÅR] --format xlsx|csv [--unit ID] [--delimiter ,] -o FIL
                                        beredskap, brister, måluppfyllnad, jämförelse och källor till Excel eller CSV
  start                                 bygg databasen från exempeldata om den saknas och starta instrumentpanelen
  build                                 bygg den statiska webbplatsen i dist/ från databasen
  bench                                 mät importens hastighet mot DuckDB:s egen read_csv
  pull                                  hämta båda källorna nedan (npm run pull)
  pull oj [--year ÅR | --all]           hämta ÖJ-arbetsböckerna i data/sources.csv till data/raw/oj/ och importera dem
  pull kolada [--replace]               hämta Kolada-värdena i data/kolada_kpis.csv (alla kommuner och år)

Flaggor:
  --db SÖKVÄG       databasfil (standard data/beredskap.duckdb, eller miljövariabeln BEREDSKAP_DB)
  --config KATALOG  konfigurationskatalog (standard data/, eller BEREDSKAP_CONFIG)
  --year ÅR         ÖJ-år när filen inte själv anger det
  --dry-run         kontrollera och visa vad som skulle ändras, utan att skriva
  --replace         låt en ny version ta bort mer än spärrarna annars tillåter: en fjärdedel av det den ersätter
                    (totalt, per enhetsslag eller för organisationens egna enheter), eller för en
                    självskattning mer än den behåller
  --force           template: skriv över mallar som redan finns (de kan vara ifyllda)
  --accept-fidelity importera en ÖJ-fil vars publicerade andelar inte stämmer med dess egna kommunsvar (sägs tydligt)
  --report UT       med import self-assessment --dry-run: valideringsrapport (.xlsx eller .md) att skicka till nämnden
  --json            maskinläsbar sammanfattning på stdout
  --quiet           inga förloppsrader
  --all             pull oj: alla år i data/sources.csv (standard)

Miljövariabler för pull: OJ_BASE_URL, KOLADA_BASE_URL, BEREDSKAP_RAW_DIR, BEREDSKAP_MAX_DOWNLOAD_MB.

Slutkoder: 0 klart · 1 felaktig indata, inget skrivet · 2 fel i kommandoraden · 3 databasen används av
en annan process · 4 pull: en källa kunde inte nås, tidigare hämtade filer används · 5 pull: en källa
svarade med något oanvändbart (fel adress, felsida, för stor fil …)
`;

interface Context {
  dbPath: string;
  configDir: string;
  json: boolean;
  quiet: boolean;
  out: (text: string) => void;
}

export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        config: { type: 'string' },
        year: { type: 'string' },
        out: { type: 'string', short: 'o' },
        period: { type: 'string' },
        report: { type: 'string' },
        delimiter: { type: 'string' },
        unit: { type: 'string' },
        format: { type: 'string', default: 'table' },
        'dry-run': { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        'accept-fidelity': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      out(usage);
      return values.help ? exitCodes.ok : exitCodes.usage;
    }
    const ctx: Context = {
      dbPath: values.db ? resolve(values.db) : defaultDbPath(),
      configDir: values.config ? resolve(values.config) : defaultConfigDir(),
      json: values.json,
      quiet: values.quiet,
      out,
    };
    const year = values.year === undefined ? undefined : Number(values.year);
    const parsedYear = values.year === undefined ? undefined : parseYear(values.year);
    if (parsedYear && 'problem' in parsedYear) throw new UsageError(`--year: ${parsedYear.problem}, inte "${values.year}"`);
    switch (command) {
      case 'init':
        return await withDb(ctx, async (_db, init) => {
          out(`Databasen ${ctx.dbPath} är klar${init.migrations.length ? ` (nya migreringar: ${init.migrations.join(', ')})` : ''}.`);
        });
      case 'import': {
        const [source, ...files] = rest;
        if (source !== 'oj' && source !== 'self-assessment' && source !== 'judgement') throw new UsageError('ange "import oj FIL…", "import self-assessment FIL…" eller "import judgement FIL…"');
        if (!files.length) throw new UsageError('ange minst en fil');
        const progress = progressReporter({ quiet: ctx.quiet });
        const options: ImportOptions = { year, dryRun: values['dry-run'], replace: values.replace, acceptFidelity: values['accept-fidelity'], onProgress: progress.update };
        if (values.report !== undefined && (source !== 'self-assessment' || !values['dry-run'])) {
          throw new UsageError('--report gäller "import self-assessment FIL --dry-run --report UT.xlsx|UT.md"');
        }
        return await withDb(ctx, async (db) => {
          if (values.report !== undefined) {
            // The report first: the dry run below stops at a bad file, and the report is wanted most then.
            const report = await runValidationReport(db, { file: files.map((f) => resolve(f)), reportPath: resolve(values.report) });
            out(`Valideringsrapport: ${resolve(values.report)} (${report.problems} anmärkningar, varav ${report.blocking} stoppar inläsningen).`);
          }
          const run = source === 'oj' ? importOj : source === 'judgement' ? importJudgement : importSelfAssessment;
          const reports = await run(db, files.map((f) => resolve(f)), options).finally(progress.done);
          printReports(ctx, reports);
        });
      }
      case 'inspect': {
        const [file, ...extra] = rest;
        if (!file || extra.length) throw new UsageError('ange "inspect FIL"');
        const { inspectOjFile } = await import('../oj/inspectOjFile.ts');
        const { text, json, ok } = await inspectOjFile(resolve(file), ctx.configDir, year);
        out(ctx.json ? JSON.stringify(json, null, 2) : text.trimEnd());
        return ok ? exitCodes.ok : exitCodes.badInput;
      }
      case 'template': {
        if (rest[0] !== 'self-assessment') throw new UsageError('ange "template self-assessment --year ÅR --period T1|T2|VB [--unit ID | --all] -o KATALOG"');
        if (year === undefined || !values.period || !values.out) throw new UsageError('--year, --period och -o krävs');
        return await withDb(ctx, async (db) => {
          const written = await runTemplate(db, { year, period: values.period!, unit: values.unit, all: values.all, outDir: resolve(values.out!), force: values.force });
          out(ctx.json ? JSON.stringify(written, null, 2) : `${written.length} mallar skrivna i ${resolve(values.out!)}.`);
        });
      }
      case 'export': {
        if (values.format !== 'xlsx' && values.format !== 'csv') throw new UsageError('ange --format xlsx eller --format csv');
        if (!values.out) throw new UsageError('ange -o FIL');
        return await withDb(ctx, async (db) => {
          const written = await runExport(db, { year, format: values.format as 'xlsx' | 'csv', unit: values.unit, out: resolve(values.out!), delimiter: values.delimiter });
          out(ctx.json ? JSON.stringify(written, null, 2) : `Exporterat: ${written.join(', ')}`);
        });
      }
      case 'sample':
        return await withDb(ctx, async (db) => {
          const { buildSampleDatabase } = await import('../sample/generateSample.ts');
          const outDir = resolve(values.out ?? resolve(projectRoot, 'data/sample'));
          const summary = await buildSampleDatabase(db, outDir);
          out(ctx.json ? JSON.stringify(summary, null, 2) : `Exempeldata skapad i ${outDir} och importerad till ${ctx.dbPath}.`);
        });
      case 'sources':
        return await withDb(ctx, async (db) => printSources(ctx, db));
      case 'remove': {
        const [what, id, ...extra] = rest;
        if (what !== 'source' || !id || !/^\d+$/.test(id) || extra.length) throw new UsageError('ange "remove source ID" med källans nummer ur "beredskap sources"');
        return await withDb(ctx, async (db) => {
          const { removeSource } = await import('../imports/removeSource.ts');
          const r = await removeSource(db, Number(id));
          if (ctx.json) return ctx.out(JSON.stringify(r, null, 2));
          const rows = Object.entries(r.removed).map(([table, n]) => `${table} ${n.toLocaleString('sv-SE')}`).join(', ') || 'inga rader';
          ctx.out(`Källa #${r.sourceFileId} (${r.fileName}, ${r.kind}) är borttagen: ${rows}.${r.koladaRefilled ? ` Koladas svar tillbaka för ${r.koladaRefilled} rader.` : ''}`);
          ctx.out('  Filer som den en gång ersatte kommer inte tillbaka av sig själva: importera dem igen om de ska gälla.');
        });
      }
      case 'pull': {
        const [source, ...extra] = rest;
        if ((source !== undefined && source !== 'oj' && source !== 'kolada') || extra.length) throw new UsageError('ange "pull", "pull oj [--year ÅR | --all]" eller "pull kolada"');
        if (values.all && year !== undefined) throw new UsageError('ange antingen --year eller --all');
        if (source === 'kolada' && (values.all || year !== undefined)) throw new UsageError('pull kolada hämtar alltid alla år; --year och --all gäller pull oj');
        if (values['dry-run']) throw new UsageError('--dry-run gäller inte pull');
        const { runPull } = await import('../../loaders/pullCommand.ts');
        // Plain `pull` takes both sources, Kolada even when ÖJ was unreachable; the worst outcome decides.
        // The database is opened only to store what was fetched: no lock is held while downloading.
        const severity = ['ok', 'offline', 'failed', 'badInput'] as const;
        let outcome: (typeof severity)[number] = 'ok';
        await withDb(ctx, async () => {});
        const session: DbSession = (work) => withDatabase(ctx.dbPath, work);
        for (const s of source ? [source as 'oj' | 'kolada'] : (['oj', 'kolada'] as const)) {
          const o = await runPull(session, { source: s, year, replace: values.replace, configDir: ctx.configDir, json: ctx.json, quiet: ctx.quiet, out, printImports: (r) => printReports(ctx, r) });
          if (severity.indexOf(o) > severity.indexOf(outcome)) outcome = o;
        }
        return { ok: exitCodes.ok, badInput: exitCodes.badInput, offline: exitCodes.offline, failed: exitCodes.sourceFailed }[outcome];
      }
      case 'check': {
        let failed = false;
        await withDb(ctx, async (db) => {
          failed = await printCheck(ctx, db);
        });
        return failed ? exitCodes.badInput : exitCodes.ok;
      }
      case 'report': {
        const [name] = rest;
        if (!name || !(name in reports)) throw new UsageError(`ange en rapport: ${Object.keys(reports).join(', ')}`);
        if (!['table', 'csv', 'json'].includes(values.format!)) throw new UsageError('--format ska vara table, csv eller json');
        return await withDb(ctx, async (db) => {
          ctx.out(await runReport(db, name, { year, unit: values.unit, format: values.format as 'table' | 'csv' | 'json' }));
        });
      }
      case 'start':
        return await start(ctx);
      case 'build': {
        await ensureDatabase(ctx);
        const { buildSite } = await import('../dashboard/buildSite.ts');
        const outDir = buildSite({ quiet: ctx.quiet, dbPath: ctx.dbPath });
        out(`Webbplatsen är byggd i ${outDir} från ${ctx.dbPath}.`);
        return exitCodes.ok;
      }
      case 'bench': {
        const { runBench } = await import('../bench/runBench.ts');
        await runBench({ outDir: resolve(values.out ?? resolve(projectRoot, 'bench-data')), quiet: ctx.quiet });
        return exitCodes.ok;
      }
      default:
        throw new UsageError(`okänt kommando "${command}"`);
    }
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`Inget har skrivits. ${error.problems.length === 1 ? 'Ett fel' : `${error.problems.length} fel`}:\n`);
      for (const p of error.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
      return exitCodes.badInput;
    }
    if (error instanceof NotADatabaseError) {
      process.stderr.write(`${error.message}\n`);
      return exitCodes.usage;
    }
    if (error instanceof DatabaseBusyError) {
      process.stderr.write(`${error.message}\n`);
      return exitCodes.busy;
    }
    if (error instanceof UsageError || error instanceof CommandUsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${usage}`);
      return exitCodes.usage;
    }
    throw error;
  }
}

async function withDb(
  ctx: Context,
  work: (db: Database, init: Awaited<ReturnType<typeof initDatabase>>) => Promise<void>,
): Promise<number> {
  await withDatabase(ctx.dbPath, async (db) => work(db, await initDatabase(db, ctx.configDir)));
  return exitCodes.ok;
}

const skipLabels: Record<string, string> = { blank: 'tomma rader', note: 'rader med titel, källa eller fotnot', heading: 'rubrikrader utan värden' };
/** " (stadsdelsnamnd 660, kommun 3)": which kinds of unit a new version removes rows of. */
const removedByKind = (c: Change) => {
  const kinds = Object.entries(c.removedByKind ?? {});
  return kinds.length ? ` (${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')})` : '';
};

function printReports(ctx: Context, reports: FileReport[]): void {
  if (ctx.json) {
    ctx.out(JSON.stringify(reports, null, 2));
    return;
  }
  for (const r of reports) {
    const years = r.years.join(', ');
    if (r.status === 'unchanged') {
      ctx.out(`${r.file}: redan importerad (källa #${r.previous!.source_file_id}, ${r.previous!.imported_at.slice(0, 16)}); inget ändrat.`);
      continue;
    }
    const changes = Object.entries(r.changes ?? {})
      .filter(([, c]) => c.added + c.removed + c.changed > 0)
      .map(([table, c]) => `${table}: ${c.added} nya, ${c.removed} borttagna${removedByKind(c)}, ${c.changed} ändrade`)
      .join('; ');
    const verb = r.status === 'validated' ? 'kontrollerad (--dry-run, inget skrivet); skulle ge' : `importerad som källa #${r.sourceFileId};`;
    ctx.out(`${r.file} (${years}): ${verb} ${r.rowsRead.toLocaleString('sv-SE')} rader lästa, ${r.rowsStored.toLocaleString('sv-SE')} uppgifter${changes ? ` – ${changes}` : ''}.`);
    if (r.replacedSourceFiles?.length) ctx.out(`  ersätter källa ${r.replacedSourceFiles.map((id) => `#${id}`).join(', ')}`);
    const skipped = Object.entries(r.rowsSkipped ?? {}).filter(([, n]) => n > 0);
    if (skipped.length) ctx.out(`  hoppade över: ${skipped.map(([why, n]) => `${n} ${skipLabels[why] ?? why}`).join(', ')}`);
    for (const w of r.warnings ?? []) ctx.out(`  ${w}`);
  }
}

async function printSources(ctx: Context, db: Database): Promise<void> {
  const rows = await db.all<Record<string, string | number | boolean | null>>(
    `select source_file_id, kind, file_name, array_to_string(years, ', ') as years, left(sha256, 12) as sha256,
            rows_read, rows_stored, strftime(imported_at, '%Y-%m-%d %H:%M') as imported_at, is_sample, superseded_by,
            strftime(removed_at, '%Y-%m-%d %H:%M') as removed_at
     from source_file order by source_file_id`,
  );
  if (ctx.json) return ctx.out(JSON.stringify(rows, null, 2));
  if (!rows.length) return ctx.out('Inga filer importerade ännu.');
  ctx.out(formatTable(
    ['#', 'Slag', 'Fil', 'År', 'sha256', 'Rader lästa', 'Lagrade', 'Importerad', 'Exempel', 'Ersatt av', 'Borttagen'],
    rows.map((r) => [r.source_file_id as number, r.kind as string, r.file_name as string, r.years as string, r.sha256 as string, r.rows_read as number, r.rows_stored as number, r.imported_at as string, r.is_sample ? 'ja' : '', r.superseded_by === null ? '' : `#${r.superseded_by}`, (r.removed_at as string | null) ?? '']),
  ));
}

/** Prints the data-quality report; true when a view check (fidelity among them) found faults. */
async function printCheck(ctx: Context, db: Database): Promise<boolean> {
  const missing = await db.all<{ year: number; unit_id: string; name: string; kind: string }>('select * from unit_without_answers');
  const unanswered = await db.all<{ year: number; name: string; n_cells: number; n_unanswered: number; share_unanswered: number }>(
    `select year, name, n_cells, n_unanswered, share_unanswered from unanswered_share
     where kind not in ('kommun') and n_unanswered > 0 order by year desc, share_unanswered desc limit 30`,
  );
  const aliases = await db.all<{ file_name: string; unit_text: string; unit_name: string; n_rows: number }>('select file_name, unit_text, unit_name, n_rows from alias_used');
  const notApplicable = await db.all<{ year: number; period: string; unit_name: string; requirement_id: string; file_name: string; source_row: number }>(
    'select year, period, unit_name, requirement_id, file_name, source_row from self_not_applicable order by all');
  const failedChecks = await runViewChecks(db);
  if (ctx.json) {
    ctx.out(JSON.stringify({ units_without_answers: missing, unanswered, aliases_used: aliases, self_not_applicable: notApplicable, failed_view_checks: failedChecks }, null, 2));
    return failedChecks.length > 0;
  }
  ctx.out(failedChecks.length ? `Vyernas kontroller som hittade fel: ${failedChecks.map((f) => f.name).join('; ')}\n` : 'Vyernas kontroller: alla godkända.\n');
  ctx.out(`Enheter utan ÖJ-svar: ${missing.length}`);
  if (missing.length) ctx.out(formatTable(['År', 'Enhet', 'Slag'], missing.slice(0, 30).map((m) => [String(m.year), m.name, m.kind])));
  ctx.out(`\nObesvarade ÖJ-frågor (nämnder, senaste åren):`);
  ctx.out(unanswered.length ? formatTable(['År', 'Enhet', 'Frågor', 'Obesvarade', 'Andel'], unanswered.map((u) => [String(u.year), u.name, u.n_cells, u.n_unanswered, `${(u.share_unanswered * 100).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} %`])) : '  inga');
  ctx.out(`\nEnhetsnamn lösta via alias: ${aliases.length}`);
  if (aliases.length) ctx.out(formatTable(['Fil', 'Stavning i filen', 'Enhet', 'Rader'], aliases.slice(0, 40).map((a) => [a.file_name, a.unit_text, a.unit_name, a.n_rows])));
  ctx.out(`\nSjälvskattade krav som inte gäller enheten (räknas inte; data/requirement_applicability.csv): ${notApplicable.length}`);
  if (notApplicable.length) ctx.out(formatTable(['År', 'Period', 'Enhet', 'Krav', 'Fil', 'Rad'], notApplicable.slice(0, 40).map((n) => [String(n.year), n.period, n.unit_name, n.requirement_id, n.file_name, n.source_row])));
  return failedChecks.length > 0;
}

/** A database to look at on a fresh machine: built from sample data when none exists. */
async function ensureDatabase(ctx: Context): Promise<void> {
  const fresh = !existsSync(ctx.dbPath);
  await withDb(ctx, async (db) => {
    if (fresh) {
      ctx.out(`Ingen databas i ${ctx.dbPath}: bygger en från exempeldata …`);
      const { buildSampleDatabase } = await import('../sample/generateSample.ts');
      await buildSampleDatabase(db, resolve(projectRoot, 'data/sample'));
    }
    const counts = await db.all<{ what: string; n: number }>(
      `select 'ÖJ-svar' as what, count(*)::int as n from oj_answer
       union all select 'publicerade andelar', count(*)::int from oj_published_share
       union all select 'självskattningar', count(*)::int from self_assessment
       union all select 'importerade filer', count(*)::int from source_file where superseded_by is null and removed_at is null`,
    );
    const sample = await db.one<{ n: number }>('select count(*)::int as n from source_file where is_sample and superseded_by is null and removed_at is null');
    ctx.out(`Databas: ${ctx.dbPath}`);
    for (const c of counts) ctx.out(`  ${c.what}: ${c.n.toLocaleString('sv-SE')}`);
    if (sample?.n) ctx.out('  (EXEMPELDATA – inte verkliga uppgifter)');
  });
}

/** `npm start`: the database (from sample data on a fresh machine), then Framework's preview server. */
async function start(ctx: Context): Promise<number> {
  await ensureDatabase(ctx);
  const { startPreview } = await import('../dashboard/buildSite.ts');
  // BEREDSKAP_PORT: another port than 3000 (the bench starts a server beside a running one)
  const port = process.env.BEREDSKAP_PORT ? Number(process.env.BEREDSKAP_PORT) : undefined;
  return startPreview({ dbPath: ctx.dbPath, out: ctx.out, port }).exited;
}
