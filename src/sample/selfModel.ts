import type { Rng } from './random.ts';
import { followedUnits, type SamplePeriod, type SampleInputs, type SampleRequirement, type SampleUnit } from './sampleInputs.ts';
import { Traits } from './traits.ts';

export type SelfStatus = 'uppfyllt' | 'delvis' | 'ej_uppfyllt' | 'ej_aktuellt' | 'ej_svar';

/** One row of a self-assessment file, as a nämnd would fill it in. */
export interface SelfRow {
  year: number;
  period: SamplePeriod;
  unit: SampleUnit;
  requirement: SampleRequirement;
  status: SelfStatus;
  comment: string | null;
  action: string | null;
  owner: string | null;
  dueDate: Date | null;
  /** The decision that shows a requirement with a deadline is met (uppfyllt rows only). */
  decisionDate: Date | null;
  decisionRef: string | null;
}

/** A text fits a requirement when its pattern matches the requirement text (no pattern: fits any). */
interface Phrase {
  text: string;
  fits?: RegExp;
}

const comments: Record<Exclude<SelfStatus, 'ej_svar'>, Phrase[]> = {
  uppfyllt: [{ text: 'Följs upp årligen i ledningsgruppen' }, { text: 'Reviderad under året' }, { text: 'Ingår i verksamhetsplanen' }],
  delvis: [
    { text: 'RSA revideras under hösten', fits: /RSA|sårbarhet|risk/i },
    { text: 'Planen finns men behöver uppdateras efter omorganisationen', fits: /plan/i },
    { text: 'Kontinuitetsplaner finns för äldreomsorgen men inte för individ- och familjeomsorgen', fits: /kontinuitet|reservrutin/i },
    { text: 'Utbildning genomförd för chefer, återstår för medarbetare', fits: /utbildning|rutin/i },
    { text: 'Arbetet har påbörjats och beräknas vara klart under året' },
    { text: 'Genomfört för de flesta enheter, återstår för två' },
    { text: 'Rutinen är framtagen men inte införd i alla verksamheter' },
  ],
  ej_uppfyllt: [
    { text: 'Planerad övning fick ställas in', fits: /övad|övning/i },
    { text: 'Ej påbörjat på grund av vakanser' },
    { text: 'Avvaktar stadens centrala riktlinjer' },
    { text: 'Säkerhetssamordnare har saknats under perioden' },
    { text: 'Saknas, planeras till nästa år' },
  ],
  ej_aktuellt: [{ text: 'Nämnden bedriver inte verksamhet som omfattas' }, { text: 'Ingen egen upphandling inom området', fits: /upphandl/i }],
};

const actions: Phrase[] = [
  { text: 'Revidera RSA och förankra i ledningsgruppen', fits: /RSA|sårbarhet|handlingsplan/i },
  { text: 'Genomföra övning för krisledningsgruppen', fits: /övad|övning|krisledning/i },
  { text: 'Ta fram kontinuitetsplaner för samhällsviktig verksamhet', fits: /kontinuitet|samhällsviktig/i },
  { text: 'Utbilda chefer och nyckelpersoner', fits: /utbildning|säkerhetsskydd|krigsorganisation/i },
  { text: 'Inventera lokaler och åtgärda brister', fits: /lokaler|brandskydd|evakuering/i },
  { text: 'Uppdatera rutinen och kommunicera till medarbetarna' },
  { text: 'Utse ansvarig och ta fram en tidplan' },
];

/** The phrases that make sense for this requirement: the generic ones and those whose pattern matches it. */
const fitting = (phrases: Phrase[], requirement: SampleRequirement): string[] =>
  phrases.filter((p) => !p.fits || p.fits.test(requirement.text_sv)).map((p) => p.text);

const owners = ['Säkerhetssamordnare', 'Förvaltningschef', 'Avdelningschef', 'Beredskapssamordnare', 'HR-chef'];

/** Kinds without care operations rarely run boenden or buy socialtjänst, so such requirements are often "ej aktuellt". */
const careOnlyRequirement = /boende|socialtjänst/i;

const isoDay = (year: number, monthDay: string) => `${year}-${monthDay}`;

function addDays(isoDate: string, days: number): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days));
}

/**
 * Status model: a latent score per nämnd × requirement (the nämnd's general standing, the requirement's
 * difficulty, their interaction) that rises with each period and year since the requirement came in,
 * so statuses improve T1 → T2 → VB and year to year, and a new programme starts lower again.
 */
export class SelfModel {
  private readonly traits: Traits;

  constructor(private readonly inputs: SampleInputs, private readonly rng: Rng) {
    this.traits = new Traits(rng, inputs.lineage);
  }

  private status(unit: SampleUnit, requirement: SampleRequirement, year: number, period: SamplePeriod): SelfStatus {
    const rowKey = [unit.unit_id, requirement.requirement_id, year, period.period];
    if (this.rng.chance(period.sort_order === 1 ? 0.05 : 0.025, 'self-blank', ...rowKey)) return 'ej_svar';
    const careless = unit.kind !== 'stadsdelsnamnd' && careOnlyRequirement.test(requirement.text_sv);
    if (this.rng.chance(careless ? 0.5 : 0.04, 'self-not-applicable', unit.unit_id, requirement.requirement_id)) return 'ej_aktuellt';
    const score =
      0.8 * this.traits.get(unit.unit_id, 'self') +
      0.5 * this.rng.normal('requirement', requirement.requirement_id) +
      0.6 * this.traits.get(unit.unit_id, 'self', requirement.requirement_id) +
      0.45 * (year - requirement.since_year) +
      0.3 * (period.sort_order - 1) +
      0.2 * this.rng.normal('self-noise', ...rowKey);
    if (score > 0.3) return 'uppfyllt';
    return score > -0.8 ? 'delvis' : 'ej_uppfyllt';
  }

  private row(unit: SampleUnit, requirement: SampleRequirement, year: number, period: SamplePeriod): SelfRow {
    const status = this.status(unit, requirement, year, period);
    const key = [unit.unit_id, requirement.requirement_id, year];
    const row: SelfRow = { year, period, unit, requirement, status, comment: null, action: null, owner: null, dueDate: null, decisionDate: null, decisionRef: null };
    if (status === 'ej_svar') return row;
    if (status === 'uppfyllt' && requirement.due_rule && !this.rng.chance(0.08, 'self-decision-left-out', ...key, period.period)) {
      Object.assign(row, this.decision(unit, requirement.due_rule, isoDay(year, period.period_end)));
    }
    // The same text through a year's periods while the status holds: people copy last tertial's comment.
    if (status !== 'uppfyllt' || this.rng.chance(0.15, 'self-comment-ok', ...key, period.period)) {
      row.comment = this.rng.pick(fitting(comments[status], requirement), ['self-comment', ...key, status]);
    }
    if ((status === 'delvis' || status === 'ej_uppfyllt') && this.rng.chance(0.85, 'self-action', ...key)) {
      row.action = this.rng.pick(fitting(actions, requirement), ['self-action-text', ...key]);
      row.owner = this.rng.pick(owners, ['self-owner', ...key]);
      // From a quarter before the period's end (already late when reported) to most of a year after it.
      const offset = Math.round(-90 + 360 * this.rng.uniform('self-due', ...key));
      row.dueDate = addDays(isoDay(year, period.period_end), offset);
    }
    return row;
  }

  /**
   * The latest decision a nämnd has made for a deadline by `reportEnd`: each due date's decision falls
   * from a fifth of the way into its window to a little after the due date (some late), and one in eight
   * never comes – then the report repeats the decision before, which is a remark in the validation report.
   */
  private decision(unit: SampleUnit, rule: string, reportEnd: string): Pick<SelfRow, 'decisionDate' | 'decisionRef'> {
    const made = (this.inputs.dueDates.get(rule) ?? [])
      .filter((d) => d.window_start <= reportEnd && !this.rng.chance(0.12, 'decision-missing', unit.unit_id, rule, d.due_date))
      .map((d) => {
        const span = (Date.parse(d.due_date) - Date.parse(d.window_start)) / 86_400_000;
        const date = addDays(d.window_start, Math.round(span * (0.2 + 0.95 * this.rng.uniform('decision-day', unit.unit_id, rule, d.due_date))));
        return { date, ref: `Dnr ${date.getUTCFullYear()}/${String(100 + Math.floor(900 * this.rng.uniform('decision-ref', unit.unit_id, rule, d.due_date))).padStart(4, '0')}` };
      })
      .filter((d) => d.date.toISOString().slice(0, 10) <= reportEnd);
    const latest = made.at(-1);
    return { decisionDate: latest?.date ?? null, decisionRef: latest?.ref ?? null };
  }

  /** Every nämnd and bolag valid at the period's end × every requirement that applies to it that year. */
  rows(year: number, period: SamplePeriod): SelfRow[] {
    const units = followedUnits(this.inputs, isoDay(year, period.period_end));
    return units.flatMap((u) => {
      const applicable = this.inputs.applicable.get(`${year}/${u.unit_id}`) ?? new Set();
      return this.inputs.requirements.filter((r) => applicable.has(r.requirement_id)).map((r) => this.row(u, r, year, period));
    });
  }
}
