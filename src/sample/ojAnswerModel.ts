import { targetShare } from './calibration.ts';
import { Rng, sigmoid } from './random.ts';
import { Traits } from './traits.ts';
import type { SampleIndicator, SampleInputs, SampleUnit } from './sampleInputs.ts';

export type OjAnswer = 'ja' | 'nej' | 'delvis' | 'pagar' | 'ej_aktuellt' | 'ej_svar';

/** One unit's answers in one year, by indicator id. */
export interface UnitAnswers {
  unit: SampleUnit;
  answers: Map<string, OjAnswer>;
}

/**
 * How a unit answers: Ja when `shift(year, indicator) + latent(unit, indicator) + noise > 0`. The latent
 * part is persistent (a unit's general readiness, its strength in an area, in a verksamhet), so units
 * differ consistently and a Ja tends to stay a Ja; the yearly shift is solved so that the kommuner's
 * expected share of Ja meets the calibrated national target. Units that answered for a predecessor
 * inherit its latent traits, so a merged unit looks like the units it came from.
 */
const noiseScale = 0.55;
const weights = { unit: 1.0, area: 0.5, cell: 0.6, year: 0.2 };
/** The organisation's stadsdelsnämnder start behind the kommuner and close most of the gap. */
const organisationGap = { first: -1.4, perYear: 0.13, firstYear: 2016 };
/** Kommungrupper where children's residential care is often not run at all (landsbygd, small towns). */
const smallKommunGroups = new Set(['C6', 'C7', 'C8', 'C9']);
const rarelyRunVerksamheter = new Set(['lss_barn', 'sol_barn', 'hvb_barn']);

export class OjAnswerModel {
  private readonly traits: Traits;
  private readonly shiftCache = new Map<string, number>();

  constructor(private readonly inputs: SampleInputs, private readonly rng: Rng) {
    this.traits = new Traits(rng, inputs.lineage);
  }

  private isOrganisationUnit(unit: SampleUnit): boolean {
    return unit.parent_unit_id === this.inputs.organisationId && unit.kind === 'stadsdelsnamnd';
  }

  /** Everything of a unit's propensity to answer Ja that does not depend on the national level. */
  latent(unit: SampleUnit, indicator: SampleIndicator, year: number): number {
    let value =
      weights.unit * this.traits.get(unit.unit_id, 'unit') +
      weights.area * this.traits.get(unit.unit_id, 'area', indicator.area) +
      weights.cell * this.traits.get(unit.unit_id, 'cell', indicator.area, indicator.verksamhet) +
      weights.year * this.rng.normal('year', unit.unit_id, year);
    if (this.isOrganisationUnit(unit)) {
      value += Math.min(0, organisationGap.first + organisationGap.perYear * (year - organisationGap.firstYear));
    }
    return value;
  }

  /** The yearly level that makes the kommuner's expected share of Ja equal the target (bisection). */
  private shift(year: number, indicator: SampleIndicator, kommuner: SampleUnit[]): number {
    const cacheKey = `${year}/${indicator.indicator_id}`;
    const cached = this.shiftCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const target = targetShare(indicator, year, this.inputs.nationalReference);
    const latents = kommuner.map((k) => this.latent(k, indicator, year));
    const expected = (s: number) => latents.reduce((sum, l) => sum + sigmoid((s + l) / noiseScale), 0) / latents.length;
    let lo = -10;
    let hi = 10;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (expected(mid) < target) lo = mid;
      else hi = mid;
    }
    const value = (lo + hi) / 2;
    this.shiftCache.set(cacheKey, value);
    return value;
  }

  /** Not run at all (persistent over years): rare, but common for children's housing in small kommuner. */
  private notRun(unit: SampleUnit, verksamhet: string): boolean {
    const small = unit.kind === 'kommun' && smallKommunGroups.has(unit.skr_group ?? '');
    const p = rarelyRunVerksamheter.has(verksamhet) ? (small ? 0.15 : 0.02) : 0.01;
    return this.rng.chance(p, 'not-run', unit.unit_id, verksamhet);
  }

  private answer(unit: SampleUnit, indicator: SampleIndicator, year: number, kommuner: SampleUnit[], skipsYear: boolean): OjAnswer {
    if (skipsYear || this.rng.chance(0.02, 'no-answer', unit.unit_id, indicator.indicator_id, year)) return 'ej_svar';
    if (this.notRun(unit, indicator.verksamhet)) return 'ej_aktuellt';
    const s = this.shift(year, indicator, kommuner);
    const p = sigmoid((s + this.latent(unit, indicator, year)) / noiseScale);
    const next = this.rng.stream('answer', unit.unit_id, indicator.indicator_id, year);
    if (next() < p) return 'ja';
    // Delvis about 15 % of all answers where the scale has it; "arbete pågår" a tenth of the rest.
    if (indicator.answer_scale === 'ja_delvis_nej' && next() < Math.min(0.6, 0.15 / (1 - p))) return 'delvis';
    return next() < 0.1 ? 'pagar' : 'nej';
  }

  /**
   * Every unit's answers for one year. `kommuner` are the year's kommuner (the calibration population);
   * `units` may add other respondents (stadsdelar), which follow the same model without being calibrated.
   */
  yearAnswers(year: number, indicators: SampleIndicator[], kommuner: SampleUnit[], units: SampleUnit[]): UnitAnswers[] {
    return units.map((unit) => {
      // About one unit in a hundred misses a year's survey altogether.
      const skipsYear = this.rng.chance(0.01, 'skips-year', unit.unit_id, year);
      return {
        unit,
        answers: new Map(indicators.map((i) => [i.indicator_id, this.answer(unit, i, year, kommuner, skipsYear)])),
      };
    });
  }
}

/** The share of responding units (ja, nej, delvis, pågår) answering Ja, as the ÖJ aggregate rows publish it. */
export function shareJa(answers: Iterable<OjAnswer>): { share: number | null; responding: number } {
  let ja = 0;
  let responding = 0;
  for (const a of answers) {
    if (a === 'ja' || a === 'nej' || a === 'delvis' || a === 'pagar') responding++;
    if (a === 'ja') ja++;
  }
  return { share: responding ? ja / responding : null, responding };
}

