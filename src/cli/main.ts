import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createIfMissing } from '../db/createDatabase.ts';
import { Database, withDatabase, type DbSession } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { buildProfile } from '../dashboard/profile.ts';
import type { FileReport, ImportOptions } from '../imports/importFiles.ts';
import type { Change } from '../imports/storeFacts.ts';
import { parseYear } from '../text/validRanges.ts';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { defaultConfigDir, defaultDbPath, projectRoot } from '../paths.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { runTemplate, runValidationReport, validateFiles } from '../template/commands.ts';
import { runExport } from '../export/runExport.ts';
import { nextPeriodDue, periodName } from '../template/nextPeriod.ts';
import { runActionPlanTemplate } from '../actionplan/commands.ts';
import { importActionPlan, validateActionPlanFiles } from '../actionplan/importActionPlan.ts';
import type { ValidationProblem } from '../self/validateSelfAssessment.ts';
import { formatProblem } from '../text/problems.ts';
import { runViewChecks } from '../sql/viewChecks.ts';
import { formatTable } from '../text/formatTable.ts';
import { documentReports, reports, runReport } from './report.ts';
import { progressLine } from '../text/progress.ts';
import { forTerminal } from '../text/terminalText.ts';
import { UsageError, commandHelp, commands, overviewHelp, parseCommandLine } from './commandLine.ts';
import { didYouMean } from '../text/normalize.ts';
import { describeFailure, exitCodes, writeFailureLog } from './failure.ts';
import { isSampleDatabase, sampleFallbackNotice, sampleNotice } from '../db/selectionInfo.ts';
import { resolveUnitArgument } from './unitArgument.ts';
import { count } from '../text/plural.ts';
import { factTableLabels, label, loadLabels, type Labels } from '../config/labels.ts';

export { exitCodes } from './failure.ts';

interface Context {
  dbPath: string;
  /** Which setting named the database, when one did (a default path is no one's typo). */
  dbNamedBy?: '--db' | 'BEREDSKAP_DB';
  configDir: string;
  json: boolean;
  quiet: boolean;
  out: (text: string) => void;
  /** A line beside the output (stderr), so that --json and --format csv stay parseable. */
  note: (text: string) => void;
}

/**
 * Runs one command line; the exit code. Every error ends here as a Swedish message on stderr (see
 * failure.ts); everything printed passes through forTerminal, so text from files cannot drive the terminal.
 */
export async function main(
  argv: string[],
  write: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
  writeError: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): Promise<number> {
  const out = (text: string) => write(forTerminal(text));
  const note = (text: string) => writeError(forTerminal(text));
  let command: string | undefined;
  try {
    const parsed = parseCommandLine(argv);
    command = parsed.command;
    const { args: rest } = parsed;
    const values = { format: 'table', ...parsed.values };
    if (command === 'help' || values.help || !command) {
      const topic = command === 'help' ? rest[0] : command;
      if (topic !== undefined && !commands[topic]) throw new UsageError(`okänt kommando "${topic}"${didYouMean(topic, Object.keys(commands))}`);
      out(topic ? commandHelp(topic) : overviewHelp());
      return command ? exitCodes.ok : exitCodes.usage;
    }
    if (!commands[command]) throw new UsageError(`okänt kommando "${command}"${didYouMean(command, Object.keys(commands))}`);
    const ctx: Context = {
      dbPath: values.db ? resolve(values.db) : defaultDbPath(),
      dbNamedBy: values.db ? '--db' : process.env.BEREDSKAP_DB ? 'BEREDSKAP_DB' : undefined,
      configDir: values.config ? resolve(values.config) : defaultConfigDir(),
      json: !!values.json,
      quiet: !!values.quiet,
      out,
      note,
    };
    const parsedYear = values.year === undefined ? undefined : parseYear(values.year);
    if (parsedYear && 'problem' in parsedYear) throw new UsageError(`--year: ${parsedYear.problem}, inte "${values.year}"`, command);
    const year = parsedYear && 'year' in parsedYear ? parsedYear.year : undefined;
    switch (command) {
      case 'init':
        return await withDb(ctx, async (_db, init) => {
          out(`Databasen ${ctx.dbPath} är klar${init.migrations.length ? ` (nya migreringar: ${init.migrations.join(', ')})` : ''}.`);
        });
      case 'import': {
        const [source, ...files] = rest;
        if (source !== 'oj' && source !== 'self-assessment' && source !== 'judgement' && source !== 'action-plan') throw new UsageError(subcommandMessage('import', source, ['oj', 'self-assessment', 'judgement', 'action-plan']));
        if (!files.length) throw new UsageError(`ange minst en fil: beredskap import ${source} FIL…`);
        const progress = progressLine({ quiet: ctx.quiet });
        // A file of fewer than 2 000 rows is read before a progress line would help.
        const onProgress = (file: string, done: number, total: number) => {
          if (total >= 2000) progress.update(file, () => `${done.toLocaleString('sv-SE')} av ${total.toLocaleString('sv-SE')} rader`);
        };
        const options: ImportOptions = { year, dryRun: values['dry-run'], replace: values.replace, acceptFidelity: values['accept-fidelity'], onProgress };
        const checked = source === 'self-assessment' || source === 'action-plan';
        if (values.report !== undefined && (!checked || !values['dry-run'])) {
          throw new UsageError('--report gäller "import self-assessment|action-plan FIL --dry-run --report UT.xlsx|UT.md"');
        }
        const validate = source === 'action-plan' ? validateActionPlanFiles : validateFiles;
        return await withDb(ctx, async (db) => {
          if (values.report !== undefined) {
            // The report first: the dry run below stops at a bad file, and the report is wanted most then.
            const report = await runValidationReport(db, { file: files.map((f) => resolve(f)), reportPath: resolve(values.report), year }, validate);
            out(`Valideringsrapport: ${resolve(values.report)} (${count(report.problems, 'anmärkning', 'anmärkningar')}, varav ${report.blocking} stoppar inläsningen).`);
          } else if (checked && values['dry-run'] && !ctx.json) {
            // What the import accepts but the follow-up needs completed; errors that stop it come from the import below.
            const warnings = (await validate(db, { file: files.map((f) => resolve(f)), year })).problems.filter((p) => !p.blocksImport);
            if (warnings.length) {
              out(`${count(warnings.length, 'anmärkning', 'anmärkningar')} som inte stoppar inläsningen (--report UT.xlsx skriver dem till en fil för nämnden):`);
              for (const line of warningLines(warnings)) out(`  ${line}`);
            }
          }
          const run = { oj: importOj, judgement: importJudgement, 'self-assessment': importSelfAssessment, 'action-plan': importActionPlan }[source];
          const reports = await run(db, files.map((f) => resolve(f)), options).finally(progress.done);
          printReports(ctx, reports, await loadLabels(db));
        });
      }
      case 'inspect': {
        const [file, ...extra] = rest;
        if (!file || extra.length) throw new UsageError('ange en fil: beredskap inspect FIL', command);
        const { inspectOjFile } = await import('../oj/inspectOjFile.ts');
        const { text, json, ok } = await inspectOjFile(resolve(file), ctx.configDir, year);
        out(ctx.json ? JSON.stringify(json, null, 2) : text.trimEnd());
        return ok ? exitCodes.ok : exitCodes.badInput;
      }
      case 'template': {
        if (rest[0] === 'action-plan') {
          if (year === undefined || !values.out) throw new UsageError(`${[year === undefined && '--year', !values.out && '-o'].filter(Boolean).join(' och ')} saknas: beredskap template action-plan --year ÅR -o KATALOG`);
          if (values.period !== undefined) throw new UsageError('--period gäller självskattningar: en åtgärdsplan gäller ett ÖJ-år', command);
          return await withDb(ctx, async (db) => {
            const unit = values.unit === undefined ? undefined : await resolveUnitArgument(db, values.unit, year);
            const written = await runActionPlanTemplate(db, { year, unit, all: values.all, outDir: resolve(values.out!), force: values.force });
            if (await isSampleDatabase(db)) (ctx.json ? note : out)(sampleNotice);
            out(ctx.json ? JSON.stringify(written, null, 2) : `${count(written.length, 'åtgärdsplan skriven', 'åtgärdsplaner skrivna')} i ${resolve(values.out!)}.`);
          });
        }
        // the self-assessment is the template a nämnd fills in, so it is the one asked for without a name
        if (rest[0] !== undefined && rest[0] !== 'self-assessment') throw new UsageError(subcommandMessage('template', rest[0], ['self-assessment', 'action-plan']));
        if (values.period && year === undefined) throw new UsageError('ange --year till --period (eller ingen av dem: nästa period att rapportera)', command);
        return await withDb(ctx, async (db) => {
          const chosen = year === undefined ? await nextPeriodDue(db, new Date()) : { year, period: values.period };
          if (!chosen.period) throw new UsageError('ange --period T1, T2 eller VB till --year', command);
          const outDir = resolve(values.out ?? '.');
          const unit = values.unit === undefined ? undefined : await resolveUnitArgument(db, values.unit, chosen.year);
          const written = await runTemplate(db, { year: chosen.year, period: chosen.period, unit: unit?.unitId, all: values.all, outDir, force: values.force });
          if (await isSampleDatabase(db)) (ctx.json ? note : out)(sampleNotice);
          const what = year === undefined ? ` för ${await periodName(db, chosen.period)} ${chosen.year}, nästa period att rapportera (välj en annan med --year och --period)` : '';
          out(ctx.json ? JSON.stringify(written, null, 2) : `${count(written.length, 'mall skriven', 'mallar skrivna')}${what} i ${outDir}.`);
        });
      }
      case 'export': {
        if (values.format !== 'xlsx' && values.format !== 'csv') throw new UsageError(parsed.values.format ? `--format ska vara xlsx eller csv, inte "${values.format}"` : 'ange --format xlsx eller --format csv');
        if (!values.out) throw new UsageError('ange filen att skriva med -o FIL');
        return await withDb(ctx, async (db) => {
          const unit = values.unit === undefined ? undefined : await resolveUnitArgument(db, values.unit, year);
          if (values.all && year !== undefined) throw new UsageError('ange antingen --year eller --all', command);
          const written = await runExport(db, { year, allYears: values.all, format: values.format as 'xlsx' | 'csv', unit: unit?.unitId, unitName: unit?.name, out: resolve(values.out!), delimiter: values.delimiter });
          if (await isSampleDatabase(db)) (ctx.json ? note : out)(sampleNotice);
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
        if (what !== 'source' || !id || !/^\d+$/.test(id) || extra.length) throw new UsageError('ange "remove source ID" med källans nummer ur "beredskap sources"', command);
        return await withDb(ctx, async (db) => {
          const { removeSource } = await import('../imports/removeSource.ts');
          const r = await removeSource(db, Number(id));
          if (ctx.json) return ctx.out(JSON.stringify(r, null, 2));
          const rows = Object.entries(r.removed).map(([table, n]) => `${label(factTableLabels, table)} ${n.toLocaleString('sv-SE')}`).join(', ') || 'inga rader';
          ctx.out(`Källa #${r.sourceFileId} (${r.fileName}, ${(await loadLabels(db))('source_kind', r.kind)}) är borttagen: ${rows}.${r.koladaRefilled ? ` Koladas svar tillbaka för ${count(r.koladaRefilled, 'rad', 'rader')}.` : ''}`);
          ctx.out('  Filer som den en gång ersatte kommer inte tillbaka av sig själva: importera dem igen om de ska gälla.');
        });
      }
      case 'pull': {
        const [source, ...extra] = rest;
        if (source !== undefined && source !== 'oj' && source !== 'kolada') throw new UsageError(subcommandMessage('pull', source, ['oj', 'kolada']));
        if (extra.length) throw new UsageError(`pull tar bara en källa (oj eller kolada), inte "${extra.join(' ')}"`);
        if (values.all && year !== undefined) throw new UsageError('ange antingen --year eller --all');
        if (source === 'kolada' && (values.all || year !== undefined)) throw new UsageError('pull kolada hämtar alltid alla år; --year och --all gäller pull oj');
        const { runPull } = await import('../../loaders/pullCommand.ts');
        // Plain `pull` takes both sources, Kolada even when ÖJ was unreachable; the worst outcome decides.
        const severity = ['ok', 'offline', 'failed', 'badInput'] as const;
        let outcome: (typeof severity)[number] = 'ok';
        // The database is opened only to store what was fetched: no lock is held while downloading.
        let labels!: Labels;
        await withDb(ctx, async (db) => {
          labels = await loadLabels(db);
        });
        const session: DbSession = (work) => withDatabase(ctx.dbPath, work);
        for (const s of source ? [source as 'oj' | 'kolada'] : (['oj', 'kolada'] as const)) {
          const o = await runPull(session, { source: s, year, replace: values.replace, configDir: ctx.configDir, json: ctx.json, quiet: ctx.quiet, out, err: note, printImports: (r) => printReports(ctx, r, labels) });
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
        if (name === 'annual') {
          if (!values.out) throw new UsageError('ange filen att skriva med -o FIL.docx, FIL.md eller FIL.pdf', command);
          if (values.unit !== undefined || values.all) throw new UsageError('report annual gäller hela organisationen ett år: --unit och --all hör inte hit', command);
          return await withDb(ctx, async (db) => {
            const { runAnnualReport } = await import('../annual/annualCommand.ts');
            const written = await runAnnualReport(db, { year, out: values.out!, format: parsed.values.format });
            if (await isSampleDatabase(db)) (ctx.json ? note : out)(sampleNotice);
            out(ctx.json ? JSON.stringify(written, null, 2) : `Årsuppföljningen ${written.year} är skriven: ${written.path}`);
          });
        }
        if (values.out !== undefined) throw new UsageError('-o gäller report annual; de andra rapporterna skrivs i terminalen', command);
        if (!name || !(name in reports)) throw new UsageError(subcommandMessage('report', name, [...Object.keys(reports), ...documentReports]));
        if (values.format === 'ics' && (name !== 'due' || values.unit === undefined)) throw new UsageError('--format ics gäller report due --unit ENHET: en kalender per nämnd eller bolag', command);
        if (!['table', 'csv', 'json', 'ics'].includes(values.format!)) throw new UsageError(`--format ska vara table, csv eller json (ics för report due), inte "${values.format}"`);
        if (values.all && year !== undefined) throw new UsageError('ange antingen --year eller --all', command);
        const format = values.format as 'table' | 'csv' | 'json' | 'ics';
        if (values.months !== undefined && name !== 'due') throw new UsageError('--months gäller report due', command);
        if (values.months !== undefined && !/^\d{1,3}$/.test(values.months)) throw new UsageError(`--months ska vara ett antal månader, till exempel 6, inte "${values.months}"`, command);
        return await withDb(ctx, async (db) => {
          const unit = values.unit === undefined ? undefined : await resolveUnitArgument(db, values.unit, year);
          const report = await runReport(db, name, { year, all: values.all, unit, format, long: values.long, allPeriods: values['all-periods'], months: values.months === undefined ? undefined : Number(values.months) });
          const sample = await isSampleDatabase(db);
          // CSV and JSON stay parseable: what a person should read besides them goes to stderr.
          const say = format === 'table' ? out : note;
          if (sample) say(sampleNotice);
          if (report.empty && format !== 'table') note(report.text);
          else out(report.text);
        });
      }
      case 'start':
        buildProfile();
        return await start(ctx);
      case 'build': {
        buildProfile(); // a mistyped profile is said before any work is done
        await ensureDatabase(ctx);
        const { buildSite } = await import('../dashboard/buildSite.ts');
        const outDir = await buildSite({ quiet: ctx.quiet, dbPath: ctx.dbPath });
        out(`Webbplatsen är byggd i ${outDir} från ${ctx.dbPath}.`);
        return exitCodes.ok;
      }
      case 'bench': {
        const { runBench } = await import('../bench/runBench.ts');
        await runBench({ outDir: resolve(values.out ?? resolve(projectRoot, 'bench-data')), quiet: ctx.quiet });
        return exitCodes.ok;
      }
      default:
        throw new Error(`commandLine.ts knows the command ${command}, main.ts has no case for it`);
    }
  } catch (error) {
    const failure = describeFailure(error, command);
    const logged = failure.log ? writeFailureLog(error, argv) : undefined;
    for (const line of failure.lines) note(line);
    if (logged) note(`Detaljer i ${logged}.`);
    return failure.code;
  }
}

/** Each remark on its line, except requirements a report left out: one line per report, the ids listed. */
function warningLines(warnings: ValidationProblem[]): string[] {
  const missing = new Map<string, ValidationProblem[]>();
  const lines: string[] = [];
  for (const w of warnings) {
    if (!w.missing) {
      lines.push(formatProblem(w));
      continue;
    }
    const key = `${w.file}\0${w.missing.report}`;
    if (!missing.has(key)) missing.set(key, []);
    missing.get(key)!.push(w);
  }
  for (const group of missing.values()) {
    const [first] = group;
    if (group.length === 1) lines.push(formatProblem(first!));
    else lines.push(`${first!.file}: ${group.length} krav saknas för ${first!.missing!.report} och räknas som ej besvarade: ${group.map((w) => w.missing!.requirementId).join(', ')}.`);
  }
  return lines;
}

/** "okänd rapport "readines" – menade du readiness?", or which ones there are when nothing was given. */
function subcommandMessage(command: string, found: string | undefined, known: string[]): string {
  const what = { import: 'källa', pull: 'källa', report: 'rapport', template: 'mall' }[command] ?? 'argument';
  const list = known.join(', ').replace(/, ([^,]*)$/, ' eller $1');
  return found === undefined ? `ange ${what}: ${list}` : `okänd ${what} "${found}"${didYouMean(found, known) || ` – ange ${list}`}`;
}

/** Opens the database (created whole first when there is none), brings it up to date and runs `work`. */
async function withDb(
  ctx: Context,
  work: (db: Database, init: Awaited<ReturnType<typeof initDatabase>>) => Promise<void>,
): Promise<number> {
  const created = await createIfMissing(ctx.dbPath, (db) => initDatabase(db, ctx.configDir), ctx.note);
  await withDatabase(ctx.dbPath, async (db) => work(db, created?.built ?? await initDatabase(db, ctx.configDir)));
  return exitCodes.ok;
}

const skipLabels: Record<string, string> = { blank: 'tomma rader', note: 'rader med titel, källa eller fotnot', heading: 'rubrikrader utan värden', outside: 'celler utanför tabellen (utan rubrik som läses)' };

/** " (stadsdelsnämnd 660, kommun 3)": which kinds of unit a new version removes rows of. */
const removedByKind = (c: Change, labels: Labels) => {
  const kinds = Object.entries(c.removedByKind ?? {});
  return kinds.length ? ` (${kinds.map(([kind, n]) => `${labels('unit_kind', kind)} ${n}`).join(', ')})` : '';
};

function printReports(ctx: Context, reports: FileReport[], labels: Labels): void {
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
      .map(([table, c]) => `${label(factTableLabels, table)}: ${count(c.added, 'ny', 'nya')}, ${count(c.removed, 'borttagen', 'borttagna')}${removedByKind(c, labels)}, ${count(c.changed, 'ändrad', 'ändrade')}`)
      .join('; ');
    const verb = r.status === 'validated' ? 'kontrollerad (--dry-run, inget skrivet); skulle ge' : `importerad som källa #${r.sourceFileId};`;
    ctx.out(`${r.file} (${years}): ${verb} ${count(r.rowsRead, 'rad läst', 'rader lästa')}, ${count(r.rowsStored, 'uppgift', 'uppgifter')}${changes ? ` – ${changes}` : ''}.`);
    if (r.replacedSourceFiles?.length) ctx.out(`  ersätter källa ${r.replacedSourceFiles.map((id) => `#${id}`).join(', ')}`);
    const skipped = Object.entries(r.rowsSkipped ?? {}).filter(([, n]) => n > 0);
    if (skipped.length) ctx.out(`  hoppade över: ${skipped.map(([why, n]) => `${n} ${skipLabels[why] ?? why}`).join(', ')}`);
    for (const n of r.notes ?? []) ctx.out(`  Obs: ${n}`);
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
  if (await isSampleDatabase(db)) ctx.out(sampleNotice);
  const labels = await loadLabels(db);
  ctx.out(formatTable(
    ['#', 'Slag', 'Fil', 'År', 'sha256', 'Rader lästa', 'Lagrade', 'Importerad', 'Exempel', 'Ersatt av', 'Borttagen'],
    rows.map((r) => [r.source_file_id as number, labels('source_kind', r.kind) ?? '', r.file_name as string, r.years as string, r.sha256 as string, r.rows_read as number, r.rows_stored as number, r.imported_at as string, r.is_sample ? 'ja' : '', r.superseded_by === null ? '' : `#${r.superseded_by}`, (r.removed_at as string | null) ?? '']),
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
  if (await isSampleDatabase(db)) ctx.out(sampleNotice);
  ctx.out(failedChecks.length ? `Vyernas kontroller som hittade fel: ${failedChecks.map((f) => f.name).join('; ')}\n` : 'Vyernas kontroller: alla godkända.\n');
  ctx.out(`Enheter utan ÖJ-svar: ${missing.length}`);
  const labels = await loadLabels(db);
  if (missing.length) ctx.out(formatTable(['År', 'Enhet', 'Slag'], missing.slice(0, 30).map((m) => [String(m.year), m.name, labels('unit_kind', m.kind)])));
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
  if (!existsSync(ctx.dbPath)) {
    ctx.out(sampleFallbackNotice(ctx.dbPath, ctx.dbNamedBy));
    const { buildSampleDatabase } = await import('../sample/generateSample.ts');
    // Sample data included, so that an interrupted first start leaves no empty database behind.
    await createIfMissing(ctx.dbPath, async (db) => {
      await initDatabase(db, ctx.configDir);
      await buildSampleDatabase(db, resolve(projectRoot, 'data/sample'));
    }, ctx.note);
  }
  await withDb(ctx, async (db) => {
    const counts = await db.all<{ what: string; n: number }>(
      `select 'ÖJ-svar' as what, count(*)::int as n from oj_answer
       union all select 'publicerade andelar', count(*)::int from oj_published_share
       union all select 'självskattningar', count(*)::int from self_assessment
       union all select 'importerade filer', count(*)::int from stg_source_in_force`,
    );
    const sample = await db.one<{ n: number }>('select count(*)::int as n from stg_source_in_force where is_sample');
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
