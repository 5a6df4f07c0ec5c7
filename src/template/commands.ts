/**
 * The round trip with the nämnder (issue 7), as functions the CLI (src/cli/main.ts) calls. The command
 * lines they serve:
 *
 *   beredskap template self-assessment --year Y --period T1|T2|VB [--unit ID | --all] -o DIR
 *       → runTemplate(db, { year, period, unit, all, outDir }): the .xlsx files written, one per nämnd
 *         of the organisation on the period's last day (no --unit means all), or the unit of that id
 *         (its id, or a name or alias valid then), each named sjalvskattning-Y-P-ID.xlsx. A file of that
 *         name already there is refused (it may be filled in) unless `force` (--force).
 *
 *   beredskap import self-assessment FILE… --dry-run --report OUT.xlsx|OUT.md
 *       → runValidationReport(db, { file, reportPath }): the report, .xlsx or Markdown by OUT's
 *         extension, of every problem of the file(s); `ok` is false when the import would refuse a file
 *         (exit 1), `problems` counts everything reported, including what the import accepts but the
 *         follow-up needs completed; `blocking` counts those that stop the import. It writes nothing to the database:
 *         call it before the ordinary dry-run import (which throws InputError on a bad file), so that
 *         the report is written either way. `today` (ISO date) is for tests; default the local date.
 *
 * CommandUsageError means a request that cannot be carried out as asked: exit 2 with the message.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { ensureFolder } from '../db/ensureFolder.ts';
import { dirname, join, resolve } from 'node:path';
import { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import { InputError } from '../text/problems.ts';
import { readInputGrids } from './readInputGrids.ts';
import { loadTemplateSpecs } from './templateData.ts';
import { templateFileName } from '../self/templateLayout.ts';
import { CommandUsageError } from '../text/usageError.ts';
import { isSampleDatabase } from '../db/selectionInfo.ts';
import { readTemplateInfo, validateSelfAssessment, type ValidationProblem } from '../self/validateSelfAssessment.ts';
import { validationReportMarkdown, validationReportWorkbook, type ValidationReport } from './writeValidationReport.ts';
import { buildTemplateWorkbook } from './writeSelfAssessmentTemplate.ts';

export { CommandUsageError } from '../text/usageError.ts';

/** `beredskap template self-assessment`: one template per nämnd (or the one asked for); the paths written. */
export async function runTemplate(
  db: Database,
  options: { year: number; period: string; unit?: string; all?: boolean; outDir: string; force?: boolean; createdAt?: Date },
): Promise<string[]> {
  const specs = await loadTemplateSpecs(db, await Catalog.load(db), options);
  const sample = await isSampleDatabase(db);
  return writeTemplates(options, specs.map((spec) => ({
    name: templateFileName(spec),
    build: () => buildTemplateWorkbook({ ...spec, sample }, options.createdAt),
  })));
}

/**
 * Writes templates to `outDir`, each by name; the paths written. A template of the same name already
 * there may be filled in by the nämnd, so none is written unless `force`.
 */
export async function writeTemplates(
  options: { outDir: string; force?: boolean },
  templates: { name: string; build: () => Promise<{ xlsx: { writeFile(path: string): Promise<void> } }> }[],
): Promise<string[]> {
  const paths = templates.map((t) => join(options.outDir, t.name));
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length && !options.force) {
    throw new CommandUsageError(
      `${existing.length === 1 ? 'filen finns redan' : `${existing.length} filer finns redan`} och kan vara ifyllda: ${existing.join(', ')}; ` +
        'välj en annan katalog med -o, eller ange --force för att skriva över',
    );
  }
  ensureFolder(options.outDir);
  for (const [i, t] of templates.entries()) await (await t.build()).xlsx.writeFile(paths[i]!);
  return paths;
}

/** Today in the local time zone, as an ISO date: the day a nämnd's due dates are measured against. */
const localToday = () => new Date().toLocaleDateString('sv-SE');

/**
 * Every problem of the self-assessment file(s), those that stop the import and those that do not:
 * what `--dry-run` prints and `--report` writes. `year` is the import's --year.
 */
export async function validateFiles(db: Database, options: { file: string | string[]; today?: string; year?: number }): Promise<ValidationReport> {
  const catalog = await Catalog.load(db);
  const today = options.today ?? localToday();
  const report: ValidationReport = { checkedOn: today, files: [], problems: [] };
  for (const path of [options.file].flat()) {
    try {
      const { name, grids } = await readInputGrids(path);
      report.files.push({ file: name, template: readTemplateInfo(grids) });
      report.problems.push(...validateSelfAssessment(grids, catalog, name, today, { year: options.year }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report.files.push({ file: error.problems[0]?.file ?? path });
      report.problems.push(...error.problems.map((p): ValidationProblem => ({ ...p, blocksImport: true })));
    }
  }
  return report;
}

/**
 * `--dry-run --report OUT`: every problem of the file(s) as a report to send back to the nämnd; the
 * checks are a self-assessment's unless `validate` says otherwise (an action plan's).
 */
export async function runValidationReport(
  db: Database,
  options: { file: string | string[]; reportPath: string; today?: string; year?: number },
  validate: (db: Database, options: { file: string | string[]; today?: string; year?: number }) => Promise<ValidationReport> = validateFiles,
): Promise<{ problems: number; blocking: number; ok: boolean }> {
  const format = /\.xlsx$/i.test(options.reportPath) ? 'xlsx' : /\.md$/i.test(options.reportPath) ? 'md' : undefined;
  if (!format) throw new CommandUsageError(`--report ska sluta på .xlsx eller .md, inte "${options.reportPath}"`);
  const report = await validate(db, options);
  ensureFolder(dirname(resolve(options.reportPath)));
  if (format === 'md') writeFileSync(options.reportPath, validationReportMarkdown(report));
  else await (await validationReportWorkbook(report)).xlsx.writeFile(options.reportPath);
  const blocking = report.problems.filter((p) => p.blocksImport).length;
  return { problems: report.problems.length, blocking, ok: blocking === 0 };
}
