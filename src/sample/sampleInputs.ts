import type { Database } from '../db/database.ts';
import { readNationalReference, type NationalShare } from './calibration.ts';

export interface SampleUnit {
  unit_id: string;
  name: string;
  kind: string;
  kommun_code: string | null;
  lan_code: string | null;
  parent_unit_id: string | null;
  skr_group: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface SampleIndicator {
  indicator_id: string;
  area: string;
  verksamhet: string;
  series: string;
  first_year: number;
  last_year: number | null;
  answer_scale: 'ja_nej' | 'ja_delvis_nej';
}

/** An ÖJ area or verksamhet with the header spellings the configuration accepts for it. */
export interface HeaderTerm {
  key: string;
  title_sv: string;
  sort_order: number;
  spellings: string[];
}

export interface SampleRequirement {
  requirement_id: string;
  programme_version: string;
  /** today's fokusområde it counts towards, NULL when none */
  fokusomrade: string | null;
  text_sv: string;
  since_year: number;
  until_year: number | null;
  /** the deadline it falls due by (due_rules.csv), NULL when none */
  due_rule: string | null;
}

/** One due date of a deadline (view stg_due_occurrence), ISO days. */
export interface SampleDueDate {
  window_start: string;
  due_date: string;
}

export interface SamplePeriod {
  period: string;
  sort_order: number;
  /** month-day, e.g. "04-30" */
  period_end: string;
  /** other spellings of the period that the configuration accepts ("Tertial 1") */
  spellings: string[];
}

/** Everything the generator needs from the configuration, read once; the rest of src/sample is pure. */
export interface SampleInputs {
  organisationId: string;
  measureMonthDay: string;
  units: SampleUnit[];
  lineage: { predecessor_id: string; successor_id: string }[];
  /** other spellings of unit names (not the unit's own name), with their validity */
  aliases: { alias: string; unit_id: string; valid_from: string | null; valid_to: string | null }[];
  indicators: SampleIndicator[];
  areas: HeaderTerm[];
  verksamheter: HeaderTerm[];
  requirements: SampleRequirement[];
  /** rule_id → its due dates in order: when a nämnd's decisions for a deadline fall */
  dueDates: Map<string, SampleDueDate[]>;
  periods: SamplePeriod[];
  /** the units the organisation follows (view stg_org_namnd): nämnder and bolag */
  followed: Set<string>;
  /** "year/unit_id" → requirements that apply (view requirement_applicability) */
  applicable: Map<string, Set<string>>;
  fokusomraden: { fokusomrade: string; title_sv: string }[];
  /** how a management-system export names the programme's overall goal (data/vocab/judgement_goals.csv) */
  overallGoalText: string;
  /** published national shares the ÖJ answers are calibrated on (national_reference.csv of the configuration the database was loaded from) */
  nationalReference: NationalShare[];
}

export async function loadSampleInputs(db: Database): Promise<SampleInputs> {
  const setting = async (key: string) =>
    (await db.one<{ value: string }>('select value from setting where key = $1', [key]))?.value;
  const organisationId = await setting('organisation_unit_id');
  if (!organisationId) throw new Error('Inställningen organisation_unit_id saknas i settings.csv; exempeldata kan inte skapas.');
  const spellings = async (kind: string) => {
    const rows = await db.all<{ value: string; text: string }>(
      'select value, text from vocab where kind = $1 and text <> value order by value, text',
      [kind],
    );
    const byValue = new Map<string, string[]>();
    for (const r of rows) byValue.set(r.value, [...(byValue.get(r.value) ?? []), r.text]);
    return byValue;
  };
  const terms = async (table: 'oj_area' | 'oj_verksamhet', kind: string): Promise<HeaderTerm[]> => {
    const texts = await spellings(kind);
    const rows = await db.all<{ key: string; title_sv: string; sort_order: number }>(
      `select ${table === 'oj_area' ? 'area' : 'verksamhet'} as key, title_sv, sort_order from ${table} order by sort_order`,
    );
    return rows.map((r) => ({ ...r, spellings: texts.get(r.key) ?? [r.title_sv] }));
  };
  const periodTexts = await spellings('period');
  const configDir = (await db.one<{ config_dir: string }>('select config_dir from config_state'))?.config_dir;
  return {
    organisationId,
    nationalReference: configDir ? readNationalReference(configDir) : [],
    measureMonthDay: (await setting('oj_measure_date')) ?? '02-01',
    units: await db.all<SampleUnit>(
      // A kommun's group in the earliest edition of SKR's kommungruppsindelning: the sample's model reads it
      // for traits that do not change with a regrouping (whether small kommuner run children's housing).
      `select u.unit_id, u.name, u.kind, u.kommun_code, u.lan_code, u.parent_unit_id,
              coalesce(u.skr_group, (select m.skr_group from stg_kommungrupp_member m where m.unit_id = u.unit_id order by m.first_year limit 1)) as skr_group,
              u.valid_from::varchar as valid_from, u.valid_to::varchar as valid_to
       from org_unit u order by u.unit_id`,
    ),
    lineage: await db.all('select predecessor_id, successor_id from org_lineage order by all'),
    aliases: await db.all(
      `select alias, unit_id, valid_from::varchar as valid_from, valid_to::varchar as valid_to
       from org_alias where not is_own_name order by unit_id, alias`,
    ),
    indicators: await db.all<SampleIndicator>(
      `select i.indicator_id, i.area, i.verksamhet, i.series, i.first_year, i.last_year, i.answer_scale
       from indicator i join oj_area a using (area) join oj_verksamhet v using (verksamhet)
       order by a.sort_order, v.sort_order, i.first_year`,
    ),
    areas: await terms('oj_area', 'oj_area'),
    verksamheter: await terms('oj_verksamhet', 'oj_verksamhet'),
    requirements: await db.all<SampleRequirement>(
      'select requirement_id, programme_version, fokusomrade, text_sv, since_year, until_year, due_rule from requirement order by requirement_id',
    ),
    dueDates: new Map((await db.all<{ rule_id: string; dates: SampleDueDate[] }>(
      `select rule_id, list({'window_start': window_start::varchar, 'due_date': due_date::varchar} order by due_date) as dates
       from stg_due_occurrence group by rule_id`,
    )).map((r) => [r.rule_id, r.dates])),
    followed: new Set((await db.all<{ unit_id: string }>('select unit_id from stg_org_namnd')).map((u) => u.unit_id)),
    applicable: new Map((await db.all<{ key: string; ids: string[] }>(
      `select year || '/' || unit_id as key, list(requirement_id order by requirement_id) as ids from requirement_applicability group by all`,
    )).map((a) => [a.key, new Set(a.ids)])),
    fokusomraden: await db.all('select fokusomrade, title_sv from fokusomrade order by sort_order'),
    overallGoalText: (await db.one<{ text: string }>(
      `select text from vocab where kind = 'judgement_goal' and value = 'samtliga' order by length(text) desc, text limit 1`,
    ))?.text ?? 'samtliga',
    periods: (await db.all<Omit<SamplePeriod, 'spellings'>>('select period, sort_order, period_end from period order by sort_order')).map(
      (p) => ({ ...p, spellings: periodTexts.get(p.period) ?? [] }),
    ),
  };
}

/** Is the unit in existence on `date` (ISO day)? */
export const validOn = (u: { valid_from: string | null; valid_to: string | null }, date: string) =>
  (u.valid_from === null || u.valid_from <= date) && (u.valid_to === null || date <= u.valid_to);

export const indicatorsOfYear = (inputs: SampleInputs, year: number) =>
  inputs.indicators.filter((i) => i.first_year <= year && (i.last_year === null || year <= i.last_year));

/** The units the organisation follows (nämnder and bolag, view stg_org_namnd) that exist on `date`. */
export const followedUnits = (inputs: SampleInputs, date: string) =>
  inputs.units.filter((u) => inputs.followed.has(u.unit_id) && validOn(u, date));

/** The organisation's nämnder: units whose parent is the organisation, of the given kinds. */
export const organisationUnits = (inputs: SampleInputs, kinds: readonly string[], date: string) =>
  inputs.units.filter((u) => u.parent_unit_id === inputs.organisationId && kinds.includes(u.kind) && validOn(u, date));
