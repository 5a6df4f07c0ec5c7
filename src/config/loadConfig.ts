import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { DuckDBValue } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { appendRows } from '../db/appendRows.ts';
import { InputError, ProblemList } from '../text/problems.ts';
import { ojColumnRoles } from '../text/headerWords.ts';
import { closestNames, normalizeText } from '../text/normalize.ts';
import { findCycles, type Link } from './cycles.ts';
import { unitNameWordKinds } from './unitNameKeys.ts';
import { actionStatusCodes, attainmentCodes, ojAnswerCodes, selfStatusCodes } from './labelDomains.ts';
import { readCalendar } from './readCalendar.ts';
import { readConfigTable, type ConfigRecord } from './readConfigTable.ts';
import { readKommungrupper, type DatedName } from './readKommungrupper.ts';
import { readLabels } from './readLabels.ts';
import { parseCondition, sentencePlaceholders, sentenceTopics, templatePlaceholders } from './sentenceFields.js';

type Rows = DuckDBValue[][];

/** The configuration as table rows, in each table's column order (see migrations/001_schema.sql). */
export interface ConfigTables {
  org_unit: Rows;
  org_lineage: Rows;
  org_alias: Rows;
  kommungrupp_edition: Rows;
  kommungrupp_group: Rows;
  kommungrupp_member: Rows;
  fokusomrade: Rows;
  area_crosswalk: Rows;
  oj_area: Rows;
  oj_verksamhet: Rows;
  indicator: Rows;
  vocab: Rows;
  period: Rows;
  programme_version: Rows;
  requirement: Rows;
  mandate_period: Rows;
  due_rule: Rows;
  target: Rows;
  requirement_oj_map: Rows;
  requirement_applicability_rule: Rows;
  oj_owner_rule: Rows;
  setting: Rows;
  kolada_kpi: Rows;
  display_label: Rows;
  annual_sentence: Rows;
}

/**
 * Reads and cross-checks every configuration file under `dir`. Pure apart from reading the files:
 * returns the rows to store and a hash of the files' content, or throws InputError naming each fault.
 */
export function readConfig(dir: string): { tables: ConfigTables; sha256: string } {
  // One line for a wrong --config, rather than one per file it should hold.
  if (!existsSync(dir)) throw new InputError([{ file: dir, message: 'konfigurationskatalogen finns inte (ange den med --config eller BEREDSKAP_CONFIG)' }]);
  if (!statSync(dir).isDirectory()) throw new InputError([{ file: dir, message: 'det är en fil, inte en katalog: --config (eller BEREDSKAP_CONFIG) ska ange konfigurationskatalogen, som data/' }]);
  const problems = new ProblemList(dir);
  const hash = createHash('sha256');
  const read = (relPath: string, required: string[], optional: string[] = []): ConfigRecord[] => {
    const { bytes, records } = readConfigTable(dir, relPath, { required, optional }, problems);
    hash.update(relPath).update('\0').update(bytes).update('\0');
    return records;
  };
  const unknown = (file: string, r: ConfigRecord, column: string, found: string, known: Iterable<string>) =>
    problems.add({ file, row: r.line, column, found, message: 'okänt värde', suggestions: closestNames(found, known) });
  // A range that ends before it begins holds no day: its unit or alias would drop out of every report.
  const validity = (file: string, r: ConfigRecord, what: string): { from: string | null; to: string | null } => {
    const from = r.date('valid_from');
    const to = r.date('valid_to');
    if (from !== null && to !== null && to < from) {
      problems.add({ file, row: r.line, column: 'valid_to', found: to, message: `slutdatumet ligger före startdatumet ${from}`, fix: `Raden gäller då ingen dag och ${what} faller ur varje rapport: rätta valid_from eller valid_to.` });
    }
    return { from, to };
  };
  const cyclesIn = (file: string, links: Link[], message: string, fix: string) => {
    for (const c of findCycles(links)) problems.add({ file, row: c.lines[0], rows: c.lines, found: c.path.join(' → '), message, fix });
  };

  // Organisation
  const units: Rows = [];
  const parentLinks: Link[] = [];
  const ownNames: { name: string; unitId: string; from: string | null; to: string | null }[] = [];
  // names: the unit's own names when they are dated apart from the unit (a kommungrupp's name per edition).
  const addUnit = (u: { id: string; name: string; kind: string; kommun?: string | null; lan?: string | null; parent?: string | null; skr?: string | null; from?: string | null; to?: string | null; sample?: boolean; names?: DatedName[] }) => {
    units.push([u.id, u.name, u.kind, u.kommun ?? null, u.lan ?? null, u.parent ?? null, u.skr ?? null, u.from ?? null, u.to ?? null, u.sample ?? false]);
    for (const n of u.names ?? [{ name: u.name, from: u.from ?? null, to: u.to ?? null }]) ownNames.push({ name: n.name, unitId: u.id, from: n.from, to: n.to });
  };
  const lanIds = new Map<string, string>();
  for (const r of read('org/lan.csv', ['unit_id', 'lan_code', 'name'])) {
    lanIds.set(r.get('lan_code'), r.get('unit_id'));
    addUnit({ id: r.get('unit_id'), name: r.get('name'), kind: 'lan', lan: r.get('lan_code') });
  }
  const kommunByCode = new Map<string, { unitId: string; name: string }>();
  for (const r of read('org/kommuner.csv', ['unit_id', 'kommun_code', 'name', 'lan_code'], ['skr_group'])) {
    const code = r.get('kommun_code');
    // The one-edition format of before SKR's 2023 revision: said plainly rather than as an unknown column.
    if (r.opt('skr_group') !== null) problems.add({ file: 'org/kommuner.csv', row: r.line, column: 'skr_group', message: 'kommungruppen står numera per indelning i org/kommungrupp_members.csv (med org/kommungrupp_editions.csv); ta bort kolumnen här' });
    if (!/^\d{4}$/.test(code)) problems.add({ file: 'org/kommuner.csv', row: r.line, column: 'kommun_code', found: code, message: 'kommunkoden ska ha fyra siffror' });
    if (!lanIds.has(r.get('lan_code'))) unknown('org/kommuner.csv', r, 'lan_code', r.get('lan_code'), lanIds.keys());
    kommunByCode.set(code, { unitId: r.get('unit_id'), name: r.get('name') });
    addUnit({ id: r.get('unit_id'), name: r.get('name'), kind: 'kommun', kommun: code, lan: r.get('lan_code'), parent: lanIds.get(r.get('lan_code')) });
  }
  // A kommun's SKR kommungrupp depends on the ÖJ year (the edition in force), so it lives in
  // kommungrupp_member, not on the kommun; a kommungrupp is read by the name of its edition.
  const kommungrupper = readKommungrupper({
    editions: read('org/kommungrupp_editions.csv', ['edition', 'first_year', 'title_sv'], ['note']),
    groups: read('org/kommungrupper.csv', ['edition', 'skr_group', 'unit_id', 'name']),
    members: read('org/kommungrupp_members.csv', ['edition', 'kommun_code', 'skr_group'], ['kommun']),
  }, kommunByCode, problems);
  for (const g of kommungrupper.units) addUnit({ id: g.unitId, name: g.name, kind: 'kommungrupp', skr: g.skrGroup, names: g.names });
  for (const r of read('org/units.csv', ['unit_id', 'name', 'kind', 'kommun_code', 'parent_unit_id', 'valid_from', 'valid_to'], ['source'])) {
    const kommun = r.opt('kommun_code');
    const lan = kommun ? (units.find((u) => u[2] === 'kommun' && u[3] === kommun)?.[4] as string | undefined) : undefined;
    if (kommun && !kommunByCode.has(kommun)) unknown('org/units.csv', r, 'kommun_code', kommun, kommunByCode.keys());
    const parent = r.opt('parent_unit_id');
    if (parent !== null) parentLinks.push({ from: r.get('unit_id'), to: parent, line: r.line });
    addUnit({ id: r.get('unit_id'), name: r.get('name'), kind: r.get('kind'), kommun, lan, parent, ...validity('org/units.csv', r, 'enheten'), sample: r.opt('source') === 'exempel' });
  }
  const unitIds = new Set<string>();
  for (const u of units) {
    const id = u[0] as string;
    if (unitIds.has(id)) problems.add({ file: 'org', found: id, message: 'enhets-id förekommer två gånger' });
    if (!/^[a-z0-9-]+$/.test(id)) problems.add({ file: 'org', found: id, message: 'enhets-id får bara innehålla a–z, 0–9 och bindestreck' });
    unitIds.add(id);
  }
  for (const u of units) {
    const parent = u[5] as string | null;
    if (parent !== null && !unitIds.has(parent)) problems.add({ file: 'org', found: parent, message: `${String(u[0])}: överordnad enhet finns inte`, suggestions: closestNames(parent, unitIds) });
  }
  const unitKinds = new Set(units.map((u) => u[2] as string));
  const checkUnit = (file: string, r: ConfigRecord, column: string, id: string | null) => {
    if (id !== null && !unitIds.has(id)) unknown(file, r, column, id, unitIds);
  };
  cyclesIn('org/units.csv', parentLinks, 'de överordnade enheterna går i cirkel (unit_id → parent_unit_id)',
    'En enhet kan inte ligga under sig själv: rätta parent_unit_id på en av raderna.');
  const lineageRecords = read('org/lineage.csv', ['predecessor_id', 'successor_id', 'change_date']);
  const lineage: Rows = lineageRecords.map((r) => {
    checkUnit('org/lineage.csv', r, 'predecessor_id', r.get('predecessor_id'));
    checkUnit('org/lineage.csv', r, 'successor_id', r.get('successor_id'));
    return [r.get('predecessor_id'), r.get('successor_id'), r.date('change_date') ?? r.get('change_date')];
  });
  cyclesIn('org/lineage.csv', lineageRecords.map((r) => ({ from: r.get('predecessor_id'), to: r.get('successor_id'), line: r.line })),
    'historiken går i cirkel (föregångare → efterträdare)',
    'En enhet kan inte vara sin egen föregångare, varken direkt eller via andra enheter: ta bort eller rätta en av raderna.');
  const aliases: Rows = ownNames.map((n) => [n.name, normalizeText(n.name), n.unitId, n.from, n.to, true]);
  for (const r of read('org/aliases.csv', ['alias', 'unit_id', 'valid_from', 'valid_to'])) {
    checkUnit('org/aliases.csv', r, 'unit_id', r.get('unit_id'));
    const { from, to } = validity('org/aliases.csv', r, 'stavningen');
    aliases.push([r.get('alias'), normalizeText(r.get('alias')), r.get('unit_id'), from, to, false]);
  }

  // Catalog
  const fokus = read('fokusomraden.csv', ['fokusomrade', 'title_sv', 'sort_order'], ['description_sv']);
  const fokusIds = new Set(fokus.map((r) => r.get('fokusomrade')));
  // A programme area may map to no fokusområde (blank); an ÖJ area must map to one.
  const crosswalk = read('area_crosswalk.csv', ['scheme', 'source_area', 'source_title_sv'], ['fokusomrade']);
  const fokusOf = new Map<string, string | null>();
  for (const r of crosswalk) {
    const fokusomrade = r.get('scheme') === 'oj' ? r.get('fokusomrade') : r.opt('fokusomrade');
    if (fokusomrade !== null && !fokusIds.has(fokusomrade)) unknown('area_crosswalk.csv', r, 'fokusomrade', fokusomrade, fokusIds);
    fokusOf.set(`${r.get('scheme')}/${r.get('source_area')}`, fokusomrade);
  }
  const vocab = new Map<string, DuckDBValue[]>();
  const addVocab = (file: string, r: ConfigRecord, kind: string, text: string, value: string) => {
    const norm = normalizeText(text);
    const key = `${kind}/${norm}`;
    const existing = vocab.get(key);
    if (existing && existing[3] !== value) {
      problems.add({ file, row: r.line, found: text, message: `stavningen betyder redan "${String(existing[3])}"` });
    }
    vocab.set(key, [kind, text, norm, value]);
  };
  const areaTitle = new Map<string, string>();
  const areas: Rows = read('vocab/oj_areas.csv', ['area', 'title_sv', 'sort_order']).map((r) => {
    const area = r.get('area');
    const fokusomrade = fokusOf.get(`oj/${area}`);
    if (!fokusomrade) problems.add({ file: 'area_crosswalk.csv', found: area, message: 'ÖJ-området saknar rad med scheme "oj"' });
    areaTitle.set(area, r.get('title_sv'));
    for (const text of [area, r.get('title_sv')]) addVocab('vocab/oj_areas.csv', r, 'oj_area', text, area);
    return [area, r.get('title_sv'), r.int('sort_order'), fokusomrade ?? null];
  });
  const verksamhetTitle = new Map<string, string>();
  const verksamheter: Rows = read('vocab/oj_verksamheter.csv', ['verksamhet', 'title_sv', 'sort_order']).map((r) => {
    const v = r.get('verksamhet');
    verksamhetTitle.set(v, r.get('title_sv'));
    for (const text of [v, r.get('title_sv')]) addVocab('vocab/oj_verksamheter.csv', r, 'oj_verksamhet', text, v);
    return [v, r.get('title_sv'), r.int('sort_order')];
  });
  for (const [file, kind, keyColumn, known] of [
    ['vocab/oj_area_headers.csv', 'oj_area', 'area', areaTitle],
    ['vocab/oj_verksamhet_headers.csv', 'oj_verksamhet', 'verksamhet', verksamhetTitle],
  ] as const) {
    for (const r of read(file, [keyColumn, 'header'])) {
      if (!known.has(r.get(keyColumn))) unknown(file, r, keyColumn, r.get(keyColumn), known.keys());
      addVocab(file, r, kind, r.get('header'), r.get(keyColumn));
    }
  }
  const indicators: Rows = read('indicators.csv', ['indicator_id', 'area', 'verksamhet', 'series', 'first_year', 'last_year', 'answer_scale'], ['kolada_kpi_id']).map((r) => {
    const area = r.get('area');
    const v = r.get('verksamhet');
    if (!areaTitle.has(area)) unknown('indicators.csv', r, 'area', area, areaTitle.keys());
    if (!verksamhetTitle.has(v)) unknown('indicators.csv', r, 'verksamhet', v, verksamhetTitle.keys());
    return [
      r.get('indicator_id'), area, v, r.get('series'), r.int('first_year'), r.int('last_year', true),
      r.get('answer_scale'), r.opt('kolada_kpi_id'), fokusOf.get(`oj/${area}`) ?? null,
      `${areaTitle.get(area) ?? area} – ${verksamhetTitle.get(v) ?? v}`,
    ];
  });
  const firstYears = indicators.map((i) => i[4]).filter((y): y is number => typeof y === 'number');
  if (firstYears.length) kommungrupper.requireFrom(Math.min(...firstYears));
  for (const [file, kind, valueColumn, allowed] of [
    ['vocab/oj_answers.csv', 'oj_answer', 'answer', ojAnswerCodes],
    ['vocab/oj_columns.csv', 'oj_column', 'role', ojColumnRoles],
    ['vocab/self_columns.csv', 'self_column', 'field', ['year', 'period', 'unit', 'requirement', 'status', 'comment', 'action', 'owner', 'due_date', 'decision_date', 'decision_ref', 'ignore']],
    ['vocab/action_columns.csv', 'action_column', 'field', ['year', 'unit', 'answering_unit', 'question', 'action', 'owner', 'due_date', 'status', 'comment', 'ignore']],
    ['vocab/action_statuses.csv', 'action_status', 'status', actionStatusCodes],
    ['vocab/self_statuses.csv', 'self_status', 'status', selfStatusCodes],
    ['vocab/judgements.csv', 'judgement', 'judgement', attainmentCodes],
    ['vocab/judgement_columns.csv', 'judgement_column', 'field', ['year', 'period', 'unit', 'goal', 'judgement', 'motivering', 'ignore']],
    ['vocab/judgement_goals.csv', 'judgement_goal', 'goal', ['samtliga', ...fokusIds]],
    ['vocab/unit_name_words.csv', 'unit_name_word', 'how', unitNameWordKinds],
  ] as const) {
    const textColumn = kind === 'oj_column' || kind === 'self_column' || kind === 'judgement_column' || kind === 'action_column' ? 'header' : kind === 'unit_name_word' ? 'word' : 'text';
    for (const r of read(file, [textColumn, valueColumn])) {
      const value = r.get(valueColumn);
      if (!(allowed as readonly string[]).includes(value)) unknown(file, r, valueColumn, value, allowed);
      addVocab(file, r, kind, r.get(textColumn), value);
    }
  }
  // A long form is stored under its abbreviation: what a header's long form is read as.
  for (const r of read('vocab/header_abbreviations.csv', ['abbreviation', 'long_form'])) addVocab('vocab/header_abbreviations.csv', r, 'header_abbreviation', r.get('long_form'), r.get('abbreviation'));
  // Each fokusområde is a goal a judgement may name, by its id or its title.
  for (const r of fokus) for (const text of [r.get('fokusomrade'), r.get('title_sv')]) addVocab('fokusomraden.csv', r, 'judgement_goal', text, r.get('fokusomrade'));
  const periods = new Map<string, DuckDBValue[]>();
  for (const r of read('vocab/periods.csv', ['text', 'period', 'sort_order', 'period_end'])) {
    addVocab('vocab/periods.csv', r, 'period', r.get('text'), r.get('period'));
    periods.set(r.get('period'), [r.get('period'), r.int('sort_order'), r.get('period_end')]);
  }

  // Programme
  const versions = read('programme_versions.csv', ['programme_version', 'title_sv', 'first_year', 'last_year'], ['adopted', 'note', 'source']);
  const versionYears = new Map(versions.map((r) => [r.get('programme_version'), { first: r.int('first_year') ?? 0, last: r.int('last_year', true) ?? 9999 }]));
  // A year belongs to at most one version: overlapping versions would grade a year twice.
  versions.forEach((r, i) => {
    const a = versionYears.get(r.get('programme_version'))!;
    for (const o of versions.slice(i + 1)) {
      const b = versionYears.get(o.get('programme_version'))!;
      if (a.first <= b.last && b.first <= a.last) problems.add({ file: 'programme_versions.csv', row: o.line, found: o.get('programme_version'), message: `åren överlappar ${r.get('programme_version')} (rad ${r.line}); ett år hör till högst en programversion` });
    }
  });
  const versionIds = new Set(versionYears.keys());
  const calendar = readCalendar({
    periods: read('mandate_periods.csv', ['election_year', 'mandate_start', 'mandate_end'], ['source']),
    rules: read('due_rules.csv', ['rule_id', 'kind', 'due_month_day', 'title_sv'], ['opens_month_day', 'source']),
  }, problems);
  // A deadline is one requirement's in any year, so a decision reported under it meets that deadline alone.
  const ruleYears = new Map<string, { line: number; id: string; since: number; until: number }[]>();
  const requirements: Rows = read('requirements.csv', ['requirement_id', 'programme_version', 'programme_area', 'text_sv', 'since_year', 'until_year'], ['source', 'fokusomrade', 'due_rule']).map((r) => {
    const version = r.get('programme_version');
    if (!versionIds.has(version)) unknown('requirements.csv', r, 'programme_version', version, versionIds);
    const areaKey = `${version}/${r.get('programme_area')}`;
    if (!fokusOf.has(areaKey)) {
      const known = [...fokusOf.keys()].filter((k) => k.startsWith(`${version}/`)).map((k) => k.slice(version.length + 1));
      unknown('requirements.csv', r, 'programme_area', r.get('programme_area'), known);
    }
    const override = r.opt('fokusomrade');
    if (override !== null && override !== '-' && !fokusIds.has(override)) unknown('requirements.csv', r, 'fokusomrade', override, [...fokusIds, '-']);
    const fokusomrade = override === '-' ? null : override ?? fokusOf.get(areaKey) ?? null;
    const since = r.int('since_year');
    const until = r.int('until_year', true);
    const span = versionYears.get(version);
    if (span && since !== null && (since < span.first || (until ?? 9999) > span.last)) {
      problems.add({ file: 'requirements.csv', row: r.line, column: 'since_year', found: `${since}–${until ?? ''}`, message: `kravets år ligger utanför programversionens ${span.first}–${span.last === 9999 ? '' : span.last}` });
    }
    const rule = r.opt('due_rule');
    if (rule !== null && !calendar.ruleIds.has(rule)) unknown('requirements.csv', r, 'due_rule', rule, calendar.ruleIds);
    if (rule !== null && since !== null) {
      const years = { line: r.line, id: r.get('requirement_id'), since, until: until ?? 9999 };
      const other = ruleYears.get(rule)?.find((o) => o.since <= years.until && years.since <= o.until);
      if (other) problems.add({ file: 'requirements.csv', row: r.line, column: 'due_rule', found: rule, message: `${other.id} (rad ${other.line}) bär redan tidsfristen samma år; ett år hör en tidsfrist till ett krav` });
      ruleYears.set(rule, [...(ruleYears.get(rule) ?? []), years]);
    }
    return [r.get('requirement_id'), version, r.get('programme_area'), fokusomrade, r.get('text_sv'), since, until, r.opt('source') === 'exempel', rule];
  });
  const targets: Rows = read('targets.csv', ['first_year', 'last_year', 'fokusomrade', 'unit_id', 'target_share', 'delvis_within_pp'], ['source']).map((r) => {
    if (!fokusIds.has(r.get('fokusomrade'))) unknown('targets.csv', r, 'fokusomrade', r.get('fokusomrade'), fokusIds);
    checkUnit('targets.csv', r, 'unit_id', r.opt('unit_id'));
    return [r.int('first_year'), r.int('last_year', true), r.get('fokusomrade'), r.opt('unit_id'), r.num('target_share', { min: 0, max: 1, hint: 'en andel: 90 % skrivs 0.9' }), r.num('delvis_within_pp', { min: 0, max: 100, hint: 'procentenheter' }), r.opt('source') === 'exempel'];
  });
  const requirementIds = new Set(requirements.map((r) => r[0] as string));
  const requirementOjMap: Rows = read('requirement_oj_map.csv', ['requirement_id', 'area', 'verksamhet']).map((r) => {
    if (!requirementIds.has(r.get('requirement_id'))) unknown('requirement_oj_map.csv', r, 'requirement_id', r.get('requirement_id'), requirementIds);
    if (!areaTitle.has(r.get('area'))) unknown('requirement_oj_map.csv', r, 'area', r.get('area'), areaTitle.keys());
    if (r.get('verksamhet') !== '*' && !verksamhetTitle.has(r.get('verksamhet'))) unknown('requirement_oj_map.csv', r, 'verksamhet', r.get('verksamhet'), verksamhetTitle.keys());
    return [r.get('requirement_id'), r.get('area'), r.get('verksamhet')];
  });
  const yesNo = (file: string, r: ConfigRecord, column: string): boolean => {
    const v = (r.opt(column) ?? 'ja').toLowerCase();
    if (v !== 'ja' && v !== 'nej') unknown(file, r, column, v, ['ja', 'nej']);
    return v !== 'nej';
  };
  const applicability: Rows = read('requirement_applicability.csv', ['requirement_id', 'unit_kind', 'unit_id'], ['applies', 'source']).map((r) => {
    const file = 'requirement_applicability.csv';
    if (!requirementIds.has(r.get('requirement_id'))) unknown(file, r, 'requirement_id', r.get('requirement_id'), requirementIds);
    const kind = r.opt('unit_kind');
    const unit = r.opt('unit_id');
    if ((kind === null) === (unit === null)) problems.add({ file, row: r.line, message: 'ange antingen unit_kind eller unit_id' });
    if (kind !== null && !unitKinds.has(kind)) unknown(file, r, 'unit_kind', kind, unitKinds);
    checkUnit(file, r, 'unit_id', unit);
    const applies = yesNo(file, r, 'applies');
    if (!applies && unit === null) problems.add({ file, row: r.line, column: 'applies', found: 'nej', message: 'nej gäller en namngiven enhet (unit_id), inte ett slag av enheter' });
    return [r.get('requirement_id'), kind, unit, applies, r.opt('source') === 'exempel'];
  });
  const answeringUnit = 'svarande';
  const ownerRules: Rows = read('oj_cell_owner.csv', ['area', 'verksamhet', 'unit_kind', 'owner_unit_id', 'reason_sv', 'first_year', 'last_year'], ['source']).map((r) => {
    const file = 'oj_cell_owner.csv';
    if (!areaTitle.has(r.get('area'))) unknown(file, r, 'area', r.get('area'), areaTitle.keys());
    if (r.get('verksamhet') !== '*' && !verksamhetTitle.has(r.get('verksamhet'))) unknown(file, r, 'verksamhet', r.get('verksamhet'), verksamhetTitle.keys());
    const kind = r.opt('unit_kind');
    if (kind !== null && !unitKinds.has(kind)) unknown(file, r, 'unit_kind', kind, unitKinds);
    // "svarande": the answering unit itself, beside another owner of the same rule's specificity (a shared cell)
    if (r.get('owner_unit_id') !== answeringUnit) checkUnit(file, r, 'owner_unit_id', r.get('owner_unit_id'));
    return [r.get('area'), r.get('verksamhet'), kind, r.get('owner_unit_id'), r.get('reason_sv'), r.int('first_year'), r.int('last_year', true), r.opt('source') === 'exempel'];
  });
  const settings: Rows = read('settings.csv', ['key', 'value']).map((r) => [r.get('key'), r.get('value')]);
  const labels = readLabels(read('labels.csv', ['domain', 'code', 'label'], ['symbol']), {
    unitKinds,
    periods: periods.keys(),
    statusOf: (text) => vocab.get(`self_status/${normalizeText(text)}`)?.[3] as string | undefined,
    judgementOf: (text) => vocab.get(`judgement/${normalizeText(text)}`)?.[3] as string | undefined,
    actionStatusOf: (text) => vocab.get(`action_status/${normalizeText(text)}`)?.[3] as string | undefined,
  }, problems);

  // Kolada: what `pull kolada` fetches. An indicator's KPI missing here would never be fetched.
  const koladaKpis: Rows = read('kolada_kpis.csv', ['kpi_id', 'page', 'level', 'title_sv'], ['kpi_group']).map((r) => {
    if (!['municipality', 'ou'].includes(r.get('level'))) unknown('kolada_kpis.csv', r, 'level', r.get('level'), ['municipality', 'ou']);
    return [r.get('kpi_id'), r.opt('kpi_group'), r.get('page'), r.get('level'), r.get('title_sv')];
  });
  const koladaIds = new Set(koladaKpis.map((k) => k[0] as string));
  for (const id of new Set(indicators.map((i) => i[7] as string | null))) {
    if (id && !koladaIds.has(id)) problems.add({ file: 'indicators.csv', column: 'kolada_kpi_id', found: id, message: 'KPI:n saknas i kolada_kpis.csv och hämtas därför inte' });
  }

  // The annual follow-up's sentences: a placeholder or condition the view does not have would leave a
  // sentence unwritten every year without anyone noticing.
  const sentenceFile = 'annual_sentences.csv';
  const sentenceIds = new Set<string>();
  const sentences: Rows = read(sentenceFile, ['sentence_id', 'topic', 'template'], ['condition']).map((r) => {
    const id = r.get('sentence_id');
    if (sentenceIds.has(id)) problems.add({ file: sentenceFile, row: r.line, column: 'sentence_id', found: id, message: 'meningens id förekommer redan' });
    sentenceIds.add(id);
    if (!(r.get('topic') in sentenceTopics)) unknown(sentenceFile, r, 'topic', r.get('topic'), Object.keys(sentenceTopics));
    for (const name of templatePlaceholders(r.get('template'))) {
      if (!(name in sentencePlaceholders)) {
        problems.add({ file: sentenceFile, row: r.line, column: 'template', found: `{${name}}`, message: 'okänd platshållare', suggestions: closestNames(name, Object.keys(sentencePlaceholders)).map((n) => `{${n}}`) });
      }
    }
    const condition = parseCondition(r.opt('condition'));
    if ('problem' in condition) {
      problems.add({ file: sentenceFile, row: r.line, column: 'condition', found: condition.found, message: condition.problem, suggestions: closestNames(condition.found, Object.keys(sentencePlaceholders)) });
    }
    return [id, r.get('topic'), r.get('template'), r.opt('condition'), r.line];
  });

  problems.throwIfAny();
  return {
    sha256: hash.digest('hex'),
    tables: {
      org_unit: units,
      org_lineage: lineage,
      org_alias: aliases,
      kommungrupp_edition: kommungrupper.editions,
      kommungrupp_group: kommungrupper.groups,
      kommungrupp_member: kommungrupper.members,
      fokusomrade: fokus.map((r) => [r.get('fokusomrade'), r.get('title_sv'), r.int('sort_order'), r.opt('description_sv')]),
      area_crosswalk: crosswalk.map((r) => [r.get('scheme'), r.get('source_area'), r.get('source_title_sv'), fokusOf.get(`${r.get('scheme')}/${r.get('source_area')}`) ?? null]),
      oj_area: areas,
      oj_verksamhet: verksamheter,
      indicator: indicators,
      vocab: [...vocab.values()],
      period: [...periods.values()],
      programme_version: versions.map((r) => [r.get('programme_version'), r.get('title_sv'), r.int('first_year'), r.int('last_year', true), r.opt('adopted'), r.opt('note'), r.opt('source') === 'exempel']),
      requirement: requirements,
      mandate_period: calendar.mandatePeriods,
      due_rule: calendar.dueRules,
      target: targets,
      requirement_oj_map: requirementOjMap,
      requirement_applicability_rule: applicability,
      oj_owner_rule: ownerRules,
      setting: settings,
      kolada_kpi: koladaKpis,
      display_label: labels,
      annual_sentence: sentences,
    },
  };
}

/**
 * Makes the configuration tables match the files under `dir`, in one transaction, when the files
 * changed since the last load (so every command sees the current data/ without paying for a reload).
 * The same files read from another folder (a second checkout, a copy) are the same configuration: only
 * the folder on record changes, nothing is reloaded or recomputed.
 */
export async function loadConfig(db: Database, dir: string): Promise<boolean> {
  const { tables, sha256 } = readConfig(dir);
  const state = await db.one<{ config_dir: string }>('select config_dir from config_state where content_sha256 = $1', [sha256]);
  if (state) {
    if (state.config_dir !== dir) await db.run('update config_state set config_dir = $1', [dir]);
    return false;
  }
  await db.transaction(async () => {
    for (const [table, rows] of Object.entries(tables)) {
      await db.run(`delete from ${table}`);
      await appendRows(db, table, rows);
    }
    await db.run('delete from config_state');
    await db.run('insert into config_state values ($1, $2, current_timestamp)', [dir, sha256]);
  });
  return true;
}
