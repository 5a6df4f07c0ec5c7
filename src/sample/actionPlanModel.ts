import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionPlanFileName } from '../actionplan/layout.ts';
import { loadActionPlanSpecs, type ActionPlanSpec, type PlannedAction } from '../actionplan/templateData.ts';
import { buildActionPlanWorkbook } from '../actionplan/writeTemplate.ts';
import type { Database } from '../db/database.ts';
import type { Rng } from './random.ts';
import { stableXlsxBytes } from './xlsxBytes.ts';

const actions: { text: string; fits?: RegExp }[] = [
  { text: 'Ställ krav på krisberedskap i nästa upphandling och följ upp i avtalet', fits: /upphandl/i },
  { text: 'Ta fram och öva en plan för evakuering tillsammans med utföraren', fits: /evakuering/i },
  { text: 'Ta fram en kontinuitetsplan och förankra den i verksamheten', fits: /kontinuitet/i },
  { text: 'Ta fram en plan för höga temperaturer inför sommaren', fits: /temperatur/i },
  { text: 'Utred orsaken till svaret och ta fram en plan' },
  { text: 'Besvara frågan i nästa enkät efter kontroll med verksamheten' },
];
const owners = ['Säkerhetssamordnare', 'Avdelningschef', 'Upphandlingschef', 'Verksamhetschef'];

/**
 * Sample action plans for the ÖJ gaps of `years`: written as a nämnd fills in the template `beredskap
 * template action-plan` makes (from the database, after the ÖJ import), by the socialnämnd and about
 * two in three stadsdelsnämnder, with four gaps in five given an action – so the pages show plans, gaps
 * without an action and nämnder without a plan. Written to `outDir`; the paths.
 */
export async function writeSampleActionPlans(db: Database, outDir: string, rng: Rng, years: number[]): Promise<string[]> {
  const files: string[] = [];
  for (const year of years) {
    let specs: ActionPlanSpec[];
    try {
      specs = await loadActionPlanSpecs(db, { year });
    } catch {
      continue; // no ÖJ gaps that year
    }
    for (const spec of specs.filter((s) => !rng.chance(0.35, 'action-plan-none', s.unitId, year) || /social/i.test(s.unitName))) {
      spec.gaps = spec.gaps.map((g) => ({ ...g, previous: plannedAction(rng, spec.unitId, year, g.indicatorId, g.answeringName, g.question) }));
      const path = join(outDir, actionPlanFileName(year, spec.unitId));
      writeFileSync(path, await stableXlsxBytes(await buildActionPlanWorkbook({ ...spec, sample: true }), new Date(Date.UTC(year, 9, 1, 8, 0, 0))));
      files.push(path);
    }
  }
  return files;
}

function plannedAction(rng: Rng, unitId: string, year: number, indicatorId: string, answering: string, question: string): PlannedAction | undefined {
  const key = [unitId, year, indicatorId, answering];
  if (rng.chance(0.2, 'action-none', ...key)) return undefined;
  const status = rng.pick(['planerad', 'pagar', 'klar'], ['action-status', ...key], year < 2025 ? [2, 3, 4] : [5, 4, 1]);
  const month = 3 + Math.floor(9 * rng.uniform('action-due', ...key));
  return {
    action: rng.pick(actions.filter((a) => !a.fits || a.fits.test(question)).map((a) => a.text), ['action-text', ...key]),
    owner: rng.pick(owners, ['action-owner', ...key]),
    dueDate: `${year + 1}-${String(month).padStart(2, '0')}-${month === 6 ? '15' : '30'}`,
    status,
    comment: status === 'klar' ? 'Genomfört, följs upp i nästa enkät' : null,
  };
}
