import type { Database } from '../db/database.ts';
import { closestNames, normalizeText } from '../text/normalize.ts';
import { UnitNameKeys } from './unitNameKeys.ts';

export type VocabKind = 'oj_area' | 'oj_verksamhet' | 'oj_answer' | 'oj_column' | 'self_column' | 'self_status' | 'period'
  | 'judgement' | 'judgement_column' | 'judgement_goal' | 'action_column' | 'action_status' | 'unit_name_word' | 'header_abbreviation';

export interface OrgUnit {
  unit_id: string;
  name: string;
  kind: string;
  parent_unit_id: string | null;
  kommun_code: string | null;
  lan_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

interface Alias {
  alias: string;
  alias_norm: string;
  unit_id: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface IndicatorDef {
  indicator_id: string;
  area: string;
  verksamhet: string;
  first_year: number;
  last_year: number | null;
  /** "Upphandling – Särskilt boende": area and verksamhet, as pages and templates name the question. */
  title_sv: string;
}

export interface RequirementDef {
  requirement_id: string;
  text_sv: string;
  since_year: number;
  until_year: number | null;
}

/** One due date of the deadline a requirement carries (view stg_due_occurrence), ISO dates. */
export interface DueOccurrence {
  title: string;
  windowStart: string;
  dueDate: string;
  periodEnd: string;
}

export type UnitResolution =
  | { unit: OrgUnit }
  | { problem: string; suggestions: string[] };

const topLevelKinds = new Set(['riket', 'lan', 'kommun', 'kommungrupp']);

const within = (date: string, from: string | null, to: string | null) =>
  (from === null || from <= date) && (to === null || date <= to);

/**
 * The configuration as the parsers need it: vocabularies, units and their aliases, indicators and
 * requirements. Read once from the database per import, then used by pure lookups.
 */
export class Catalog {
  private readonly vocab = new Map<string, Map<string, string>>();
  private readonly vocabTexts = new Map<string, string[]>();
  private readonly vocabEntries = new Map<string, { text: string; value: string }[]>();
  private readonly unitsById: Map<string, OrgUnit>;
  private readonly kommunByCode = new Map<string, OrgUnit>();
  private readonly aliasesByNorm = new Map<string, Alias[]>();

  private constructor(
    vocabRows: { kind: string; text: string; text_norm: string; value: string }[],
    units: OrgUnit[],
    aliases: Alias[],
    readonly indicators: IndicatorDef[],
    readonly requirements: Map<string, RequirementDef>,
    readonly settings: Map<string, string>,
    /** Period → its last day as month-day (T1 → 04-30): the date a self-assessment's unit names are read at. */
    readonly periodEnds: Map<string, string>,
    /** "year/unit_id" → the requirements that apply to the unit that year (view requirement_applicability). */
    private readonly applicability: Map<string, Set<string>> | undefined,
    /** Each self-assessment status's label (data/labels.csv), in the file's order: what the template offers. */
    readonly statusLabels: { code: string; label: string }[],
    /** Each period's name (data/labels.csv, domain period): "tertialrapport 1". */
    private readonly periodLabels: Map<string, string>,
    /** Helt/delvis/ej's labels (data/labels.csv, domain attainment), in the file's order: the judgements the template offers. */
    readonly attainmentLabels: { code: string; label: string }[],
    /** Requirement id → the due dates of the deadline it carries (requirement.due_rule), in date order. */
    private readonly dueDates: Map<string, DueOccurrence[]>,
  ) {
    for (const v of vocabRows) {
      if (!this.vocab.has(v.kind)) this.vocab.set(v.kind, new Map());
      this.vocab.get(v.kind)!.set(v.text_norm, v.value);
      this.vocabTexts.set(v.kind, [...(this.vocabTexts.get(v.kind) ?? []), v.text]);
      this.vocabEntries.set(v.kind, [...(this.vocabEntries.get(v.kind) ?? []), { text: v.text, value: v.value }]);
    }
    this.unitsById = new Map(units.map((u) => [u.unit_id, u]));
    for (const u of units) if (u.kind === 'kommun' && u.kommun_code) this.kommunByCode.set(u.kommun_code, u);
    for (const a of aliases) this.aliasesByNorm.set(a.alias_norm, [...(this.aliasesByNorm.get(a.alias_norm) ?? []), a]);
  }

  /**
   * `applicability: false` leaves out which requirements apply to whom (the costliest part, a view over
   * every unit and year), for readers that never ask: an ÖJ import loads the catalog once per file.
   */
  static async load(db: Database, options: { applicability?: boolean } = {}): Promise<Catalog> {
    const [vocab, units, aliases, indicators, requirements, settings, periods, applicable, labels, due] = await Promise.all([
      db.all<{ kind: string; text: string; text_norm: string; value: string }>('select kind, text, text_norm, value from vocab'),
      db.all<OrgUnit>('select unit_id, name, kind, parent_unit_id, kommun_code, lan_code, valid_from::varchar as valid_from, valid_to::varchar as valid_to from org_unit'),
      db.all<Alias>('select alias, alias_norm, unit_id, valid_from::varchar as valid_from, valid_to::varchar as valid_to from org_alias'),
      db.all<IndicatorDef>('select indicator_id, area, verksamhet, first_year, last_year, title_sv from indicator'),
      db.all<RequirementDef>('select requirement_id, text_sv, since_year, until_year from requirement'),
      db.all<{ key: string; value: string }>('select key, value from setting'),
      db.all<{ period: string; period_end: string }>('select period, period_end from period'),
      options.applicability === false
        ? undefined
        : db.all<{ key: string; ids: string[] }>(`select year || '/' || unit_id as key, list(requirement_id) as ids from requirement_applicability group by all`),
      db.all<{ domain: string; code: string; label: string }>(
        `select domain, code, label from display_label where domain in ('status', 'period', 'attainment') order by domain, sort_order`),
      db.all<DueOccurrence & { requirement_id: string }>(
        `select r.requirement_id, o.title_sv as title, o.window_start::varchar as "windowStart", o.due_date::varchar as "dueDate", o.period_end::varchar as "periodEnd"
         from requirement r join stg_due_occurrence o on o.rule_id = r.due_rule order by r.requirement_id, o.due_date`),
    ]);
    const dueDates = new Map<string, DueOccurrence[]>();
    for (const { requirement_id: id, ...o } of due) dueDates.set(id, [...(dueDates.get(id) ?? []), o]);
    // In labels.csv's order within each domain: the order the template offers the choices in.
    const labelsOf = (domain: string) => labels.filter((l) => l.domain === domain).map(({ code, label }) => ({ code, label }));
    return new Catalog(
      vocab, units, aliases, indicators,
      new Map(requirements.map((r) => [r.requirement_id, r])),
      new Map(settings.map((s) => [s.key, s.value])),
      new Map(periods.map((p) => [p.period, p.period_end])),
      applicable && new Map(applicable.map((a) => [a.key, new Set(a.ids)])),
      labelsOf('status'),
      new Map(labelsOf('period').map((p) => [p.code, p.label])),
      labelsOf('attainment'),
      dueDates,
    );
  }

  /**
   * The due date of a requirement's deadline whose period a day lies in: the latest whose window has
   * opened by then (a report per that day must show a decision from that window). Undefined when the
   * requirement carries no deadline or the day comes before every configured one.
   */
  dueDateOn(requirementId: string, day: string): DueOccurrence | undefined {
    return this.dueDates.get(requirementId)?.filter((o) => o.windowStart <= day).at(-1);
  }

  /** A period's name as a user reads it ("tertialrapport 1"); the code itself if labels.csv lacks it. */
  periodLabel(period: string): string {
    return this.periodLabels.get(period) ?? period;
  }

  lookup(kind: VocabKind, text: string): string | undefined {
    return this.vocab.get(kind)?.get(this.normalized(text));
  }

  // National files repeat the same few hundred texts millions of times: normalise each once.
  private readonly normalizedCache = new Map<string, string>();
  private normalized(text: string): string {
    let n = this.normalizedCache.get(text);
    if (n === undefined) this.normalizedCache.set(text, (n = normalizeText(text)));
    return n;
  }

  /** Every spelling of a vocabulary with its value, for matchers that compare more loosely than lookup(). */
  entries(kind: VocabKind): { text: string; value: string }[] {
    return this.vocabEntries.get(kind) ?? [];
  }

  suggest(kind: VocabKind, text: string): string[] {
    return closestNames(text, this.vocabTexts.get(kind) ?? []);
  }

  unit(unitId: string): OrgUnit | undefined {
    return this.unitsById.get(unitId);
  }

  /**
   * A unit the organisation follows, as view stg_org_namnd has it: a nämnd (settings namnd_kinds, parent
   * the organisation) or a bolag (settings bolag_kinds, parent the organisation or another of its bolag).
   */
  isOrganisationNamnd(unit: OrgUnit): boolean {
    const organisation = this.settings.get('organisation_unit_id');
    const kinds = (key: string) => (this.settings.get(key) ?? '').split('|').filter(Boolean);
    if (unit.parent_unit_id === organisation && kinds('namnd_kinds').includes(unit.kind)) return true;
    const bolagKinds = kinds('bolag_kinds');
    const seen = new Set<string>();
    for (let u: OrgUnit | undefined = unit; u && bolagKinds.includes(u.kind) && !seen.has(u.unit_id); u = this.unitsById.get(u.parent_unit_id ?? '')) {
      if (u.parent_unit_id === organisation) return true;
      seen.add(u.unit_id);
    }
    return false;
  }

  /** Whether a requirement applies to a unit in a year (in force, and meant for the unit's kind or the unit). */
  applies(requirementId: string, unitId: string, year: number): boolean {
    if (!this.applicability) throw new Error('Catalog.applies: katalogen lästes utan requirement_applicability');
    return this.applicability.get(`${year}/${unitId}`)?.has(requirementId) ?? false;
  }

  /** Names of the organisation's nämnder that exist on `date`: what a self-assessment's Nämnd cell may say. */
  namndNamesOn(date: string): string[] {
    return [...this.unitsById.values()].filter((u) => this.isOrganisationNamnd(u) && within(date, u.valid_from, u.valid_to)).map((u) => u.name);
  }

  /** The ÖJ measure date of a year (settings oj_measure_date, month-day): which units answered then. */
  measureDate(year: number): string {
    return `${year}-${this.settings.get('oj_measure_date') ?? '02-01'}`;
  }

  /** A kommun code as written in a file: "0180", "180" or 180 (a number that lost its leading zero). */
  kommunByCodeText(code: string): OrgUnit | undefined {
    const digits = code.trim().replace(/\.0+$/, '');
    return /^\d{1,4}$/.test(digits) ? this.kommunByCode.get(digits.padStart(4, '0')) : undefined;
  }

  /**
   * The unit a name means on `date`: its own name or an alias valid then, for a unit that existed then;
   * else a variant of one (unitNameVariants). A name of a unit that did not exist on that date is
   * reported as such, not guessed.
   */
  resolveUnit(name: string, date: string, options: { kommunCode?: string; subUnit?: boolean } = {}): UnitResolution {
    const candidates = this.aliasesByNorm.get(this.normalized(name)) ?? this.unitNameVariants(name, options.kommunCode);
    let valid = candidates.filter((a) => {
      const u = this.unitsById.get(a.unit_id);
      return u && within(date, a.valid_from, a.valid_to) && within(date, u.valid_from, u.valid_to);
    });
    // "Centrum" is a stadsdel in more than one kommun: the row's kommun decides.
    if (options.kommunCode && new Set(valid.map((a) => a.unit_id)).size > 1) {
      const inKommun = valid.filter((a) => this.unitsById.get(a.unit_id)!.kommun_code === options.kommunCode);
      if (inKommun.length) valid = inKommun;
    }
    const ids = [...new Set(valid.map((a) => a.unit_id))];
    if (ids.length === 1) return { unit: this.unitsById.get(ids[0]!)! };
    if (ids.length > 1) return { problem: `namnet är tvetydigt den ${date} (${ids.join(', ')}); ange ett entydigt alias i org/aliases.csv`, suggestions: [] };
    if (candidates.length) {
      const u = this.unitsById.get(candidates[0]!.unit_id)!;
      // The unit existed but went by another name then (a kommungrupp renamed in a new edition).
      if (within(date, u.valid_from, u.valid_to)) {
        const namesThen = [...this.aliasesByNorm.values()].flat().filter((a) => a.unit_id === u.unit_id && within(date, a.valid_from, a.valid_to)).map((a) => a.alias);
        return {
          problem: `namnet gällde ${candidates.map((a) => `${a.valid_from ?? '…'}–${a.valid_to ?? ''}`).join(', ')}; den ${date} heter enheten ${namesThen[0] ?? u.name}`,
          suggestions: namesThen,
        };
      }
      return {
        problem: `enheten ${u.name} fanns inte den ${date} (giltig ${u.valid_from ?? '…'}–${u.valid_to ?? ''})`,
        suggestions: [],
      };
    }
    // A stadsdel column is matched against units below a kommun, not against the 290 kommuner.
    const current = [...this.aliasesByNorm.values()].flat().filter((a) => {
      const u = this.unitsById.get(a.unit_id);
      return within(date, a.valid_from, a.valid_to) && (!options.subUnit || (u && !topLevelKinds.has(u.kind)));
    }).map((a) => a.alias);
    return { problem: 'okänd enhet', suggestions: closestNames(name, current) };
  }

  /** Whether a text is some unit's name or alias, or a variant of one, at any time. */
  isUnitName(name: string): boolean {
    return this.aliasesByNorm.has(this.normalized(name)) || this.unitNameVariants(name).length > 0;
  }

  /** Every unit a text has ever named, by name, alias or variant: what kind of units a column lists. */
  unitsNamed(name: string): OrgUnit[] {
    const aliases = this.aliasesByNorm.get(this.normalized(name)) ?? this.unitNameVariants(name);
    return [...new Set(aliases.map((a) => a.unit_id))].map((id) => this.unitsById.get(id)!).filter(Boolean);
  }

  private variants?: {
    keys: UnitNameKeys;
    byKey: Map<string, Alias[]>;
    kommunNames: { words: string[]; codes: Set<string> }[];
    /** The kommun names (their indices) by their first word: a name all of whose words a text has has that one. */
    kommunNamesByFirstWord: Map<string, number[]>;
  };
  private readonly variantCache = new Map<string, Alias[]>();

  /**
   * The names and aliases a text is a variant of (data/vocab/unit_name_words.csv): the same identifying
   * words, or those words around the name of the unit's own kommun ("Göteborg - Socialförvaltning
   * Centrum"). Given the row's kommun, only that kommun's units: a looser match never crosses kommuner.
   */
  private unitNameVariants(name: string, kommunCode?: string): Alias[] {
    const cacheKey = `${kommunCode ?? ''}\t${name}`;
    const cached = this.variantCache.get(cacheKey);
    if (cached) return cached;
    const v = (this.variants ??= this.buildVariants());
    const words = v.keys.words(name);
    const inKommun = (a: Alias, codes?: Set<string>) => {
      const code = this.unitsById.get(a.unit_id)?.kommun_code;
      return (kommunCode === undefined || code === kommunCode) && (!codes || (!!code && codes.has(code)));
    };
    let found = (v.byKey.get(words.join(' ')) ?? []).filter((a) => inKommun(a));
    if (!found.length && words.length) {
      const candidates = [...new Set(words.flatMap((w) => v.kommunNamesByFirstWord.get(w) ?? []))].sort((a, b) => a - b);
      for (const k of candidates.map((i) => v.kommunNames[i]!)) {
        const rest = words.filter((w) => !k.words.includes(w));
        if (!rest.length || rest.length + k.words.length !== words.length) continue;
        found = [...found, ...(v.byKey.get(rest.join(' ')) ?? []).filter((a) => inKommun(a, k.codes))];
      }
    }
    this.variantCache.set(cacheKey, found);
    return found;
  }

  private buildVariants() {
    const keys = new UnitNameKeys(this.entries('unit_name_word'));
    const byKey = new Map<string, Alias[]>();
    const kommunNames = new Map<string, { words: string[]; codes: Set<string> }>();
    for (const a of [...this.aliasesByNorm.values()].flat()) {
      const key = keys.key(a.alias);
      if (!key) continue;
      const same = byKey.get(key);
      if (same) same.push(a);
      else byKey.set(key, [a]);
      const u = this.unitsById.get(a.unit_id);
      if (u?.kind === 'kommun' && u.kommun_code) {
        if (!kommunNames.has(key)) kommunNames.set(key, { words: keys.words(a.alias), codes: new Set() });
        kommunNames.get(key)!.codes.add(u.kommun_code);
      }
    }
    const names = [...kommunNames.values()];
    const kommunNamesByFirstWord = new Map<string, number[]>();
    names.forEach((k, i) => {
      const first = kommunNamesByFirstWord.get(k.words[0]!);
      if (first) first.push(i);
      else kommunNamesByFirstWord.set(k.words[0]!, [i]);
    });
    return { keys, byKey, kommunNames: names, kommunNamesByFirstWord };
  }

  /** The indicator for area × verksamhet in `year`, or why there is none. */
  indicatorFor(area: string, verksamhet: string, year: number): IndicatorDef | { problem: string } {
    const defs = this.indicators.filter((i) => i.area === area && i.verksamhet === verksamhet);
    const hit = defs.find((i) => i.first_year <= year && (i.last_year === null || year <= i.last_year));
    if (hit) return hit;
    const spans = defs.map((i) => `${i.indicator_id} ${i.first_year}–${i.last_year ?? ''}`).join(', ');
    return {
      problem: `okänd indikator: ${area} × ${verksamhet} finns inte i indicators.csv för ${year}` +
        (spans ? ` (finns: ${spans})` : '') + '; lägg till eller vidga en rad i data/indicators.csv',
    };
  }
}
