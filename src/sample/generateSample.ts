import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.ts';
import { InputError } from '../text/problems.ts';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { buildJudgementWorkbook, judgementRows } from './judgementModel.ts';
import { OjAnswerModel } from './ojAnswerModel.ts';
import { buildOjWorkbook, ojPublicationDate } from './ojWorkbook.ts';
import { buildOjYear } from './ojYear.ts';
import { Rng } from './random.ts';
import { loadSampleInputs } from './sampleInputs.ts';
import { SelfModel } from './selfModel.ts';
import { buildSelfWorkbook, selfCsv, selfTable, selfTitle } from './selfWriter.ts';
import { importActionPlan } from '../actionplan/importActionPlan.ts';
import { writeSampleActionPlans } from './actionPlanModel.ts';
import { stableXlsxBytes } from './xlsxBytes.ts';

export interface SampleOptions {
  seed?: number;
  ojYears?: number[];
  selfYears?: number[];
}

export const defaultSeed = 20240618;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
export const defaultOjYears = range(2016, 2025);
export const defaultSelfYears = range(2022, 2025);

/**
 * Writes sample source files to `outDir`: one ÖJ workbook per year, one self-assessment file per
 * year × period (one of them, the last year's first period, as CSV to exercise that path), and per year
 * the management system's export of nämndens bedömning at year end (judgementFiles). Units,
 * indicators, requirements and periods come from the configuration in `db`; the same seed gives the
 * same files, byte for byte.
 */
export async function generateSample(db: Database, outDir: string, options: SampleOptions = {}): Promise<{ ojFiles: string[]; selfFiles: string[]; judgementFiles: string[] }> {
  const inputs = await loadSampleInputs(db);
  const rng = new Rng(options.seed ?? defaultSeed);
  mkdirSync(outDir, { recursive: true });

  const ojModel = new OjAnswerModel(inputs, rng);
  const ojFiles: string[] = [];
  for (const year of options.ojYears ?? defaultOjYears) {
    const workbook = buildOjWorkbook(buildOjYear(inputs, ojModel, year), inputs, rng);
    const path = join(outDir, `oj-krisberedskap-${year}.xlsx`);
    writeFileSync(path, await stableXlsxBytes(workbook, ojPublicationDate(year)));
    ojFiles.push(path);
  }

  const selfModel = new SelfModel(inputs, rng);
  const selfYears = options.selfYears ?? defaultSelfYears;
  const csvVariant = { year: selfYears[selfYears.length - 1], period: inputs.periods[0]?.period };
  const selfFiles: string[] = [];
  const judgementFiles: string[] = [];
  for (const year of selfYears) {
    for (const period of inputs.periods) {
      const rows = selfModel.rows(year, period);
      if (!rows.length) continue;
      if (period === inputs.periods[inputs.periods.length - 1]) {
        const path = join(outDir, `bedomning-${year}.xlsx`);
        const workbook = buildJudgementWorkbook(judgementRows(rows, inputs, rng, year), inputs, rng, year);
        writeFileSync(path, await stableXlsxBytes(workbook, new Date(Date.UTC(year + 1, 1, 15, 8, 0, 0))));
        judgementFiles.push(path);
      }
      const table = selfTable(rows, inputs, rng);
      const base = join(outDir, `sjalvskattning-${year}-${period.period}`);
      if (year === csvVariant.year && period.period === csvVariant.period) {
        writeFileSync(`${base}.csv`, selfCsv(selfTitle(year, period), table));
        selfFiles.push(`${base}.csv`);
      } else {
        const [m, d] = period.period_end.split('-').map(Number);
        const reported = new Date(Date.UTC(year, m! - 1, d! + 14, 8, 0, 0));
        writeFileSync(`${base}.xlsx`, await stableXlsxBytes(buildSelfWorkbook(selfTitle(year, period), table), reported));
        selfFiles.push(`${base}.xlsx`);
      }
    }
  }
  return { ojFiles, selfFiles, judgementFiles };
}

export interface SampleSummary {
  outDir: string;
  ojFiles: number;
  selfFiles: number;
  judgementFiles: number;
  actionPlanFiles: number;
  filesImported: number;
  filesUnchanged: number;
  ojAnswers: number;
  publishedShares: number;
  selfAssessments: number;
  judgements: number;
  actions: number;
}

/**
 * Generates the sample files and imports them through the real importers (marked as sample), so the
 * sample database is exactly what a user's own files would give. Re-running with unchanged files is a
 * no-op, since their bytes and hashes are stable. Sample data goes only into a database that holds no
 * real data: imported over real files it would replace their years and pass itself off as the city's.
 */
export async function buildSampleDatabase(db: Database, outDir: string, options: SampleOptions = {}): Promise<SampleSummary> {
  const real = await db.all<{ file_name: string }>('select file_name from stg_source_in_force where not is_sample order by source_file_id');
  if (real.length) {
    throw new InputError([{
      file: db.path,
      message: `databasen innehåller verkliga uppgifter (${real.length} importerade ${real.length === 1 ? 'fil' : 'filer'}, till exempel ${real[0]!.file_name}); ` +
        'exempeldata läggs bara i en ny databas eller en utan verkliga uppgifter – ange en annan databas med --db',
    }]);
  }
  const { ojFiles, selfFiles, judgementFiles } = await generateSample(db, outDir, options);
  // One transaction for all three, so the materialised views are recomputed once, at its end.
  const reports = await db.transaction(async () => [
    ...(await importOj(db, ojFiles, { isSample: true })),
    ...(await importSelfAssessment(db, selfFiles, { isSample: true })),
    ...(await importJudgement(db, judgementFiles, { isSample: true })),
  ]);
  // The action plans answer the ÖJ gaps those imports made: written from the database once they are in,
  // for the last two years with self-assessments, and imported in a transaction of their own.
  const selfYears = options.selfYears ?? defaultSelfYears;
  const actionPlanFiles = await writeSampleActionPlans(db, outDir, new Rng(options.seed ?? defaultSeed), selfYears.slice(-2));
  if (actionPlanFiles.length) reports.push(...(await importActionPlan(db, actionPlanFiles, { isSample: true })));
  const count = async (table: string) =>
    (await db.one<{ n: number }>(
      `select count(*)::int as n from ${table} t join source_file f using (source_file_id) where f.is_sample`,
    ))!.n;
  return {
    outDir,
    ojFiles: ojFiles.length,
    selfFiles: selfFiles.length,
    judgementFiles: judgementFiles.length,
    actionPlanFiles: actionPlanFiles.length,
    filesImported: reports.filter((r) => r.status === 'imported').length,
    filesUnchanged: reports.filter((r) => r.status === 'unchanged').length,
    ojAnswers: await count('oj_answer'),
    publishedShares: await count('oj_published_share'),
    selfAssessments: await count('self_assessment'),
    judgements: await count('unit_judgement'),
    actions: await count('oj_action'),
  };
}
