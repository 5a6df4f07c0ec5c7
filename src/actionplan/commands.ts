/**
 * The ÖJ action plan's round trip (issue 23), as functions the CLI (src/cli/main.ts) calls:
 *
 *   beredskap template action-plan --year Y [--unit ENHET | --all] -o DIR [--force]
 *       → runActionPlanTemplate: one .xlsx per nämnd with open ÖJ gaps it is responsible for that ÖJ
 *         year (or the one --unit names), atgardsplan-Y-ID.xlsx; a file of that name already there is
 *         refused unless --force.
 *
 *   beredskap import action-plan FILE… [--dry-run [--report OUT.xlsx|OUT.md]]
 *       → importActionPlan (importActionPlan.ts); the report and the dry run's remarks come from
 *         validateActionPlanFiles, written like a self-assessment's validation report.
 */
import type { Database } from '../db/database.ts';
import { isSampleDatabase } from '../db/selectionInfo.ts';
import { CommandUsageError, writeTemplates } from '../template/commands.ts';
import { actionPlanFileName } from './layout.ts';
import { loadActionPlanSpecs } from './templateData.ts';
import { buildActionPlanWorkbook } from './writeTemplate.ts';

export async function runActionPlanTemplate(
  db: Database,
  options: { year: number; unit?: { unitId: string; name: string }; all?: boolean; outDir: string; force?: boolean; createdAt?: Date },
): Promise<string[]> {
  if (options.unit && options.all) throw new CommandUsageError('ange antingen --unit eller --all, inte båda');
  const specs = await loadActionPlanSpecs(db, { year: options.year, unitId: options.unit?.unitId, unitName: options.unit?.name });
  const sample = await isSampleDatabase(db);
  return writeTemplates(options, specs.map((spec) => ({
    name: actionPlanFileName(spec.year, spec.unitId),
    build: () => buildActionPlanWorkbook({ ...spec, sample }, options.createdAt),
  })));
}
