// @ts-check
// The annual follow-up (Årsuppföljning) as one document: cover facts, five sections, each opening with
// sentences drafted from data/annual_sentences.csv, then its tables. Every figure is read from the marts
// (annual_sentence_input, judgement_city through dash_leadership_attainment, readiness_city,
// annual_oj_area, annual_unit, dash_leadership_requirement) and only formatted here; the renderers
// (annualHtml in docs/components, annualMarkdown.js, annualDocx.js) lay the same document out. Plain
// JavaScript: the dashboard's loader runs it with node, `beredskap report annual` from the CLI.
import { number, percent } from '../present/format.js';
import { conditionHolds, parseCondition, sentencePlaceholders, sentenceTopics, templatePlaceholders } from '../config/sentenceFields.js';

/** @typedef {(sql: string, params?: (string | number | boolean | null)[]) => Promise<Record<string, any>[]>} Query */
/**
 * @typedef {{ text: string, sentenceId: string, topic: string, subjectId: string,
 *   values: Record<string, unknown>, source: { view: string, key: Record<string, unknown>, row: string, note: string } }} Sentence
 * @typedef {{ cells: string[], group?: boolean }} TableRow
 * @typedef {{ caption: string, columns: { label: string, num?: boolean }[], rows: TableRow[], note?: string }} Table
 * @typedef {{ title: string, sentences: Sentence[] }} UnitParagraph
 * @typedef {{ id: string, title: string, sentences: Sentence[], tables: Table[], paragraphs: UnitParagraph[], empty?: string }} Section
 * @typedef {{ year: number, title: string, organisation: string, profile: 'public' | 'internal', sample: boolean,
 *   notice: string | null, programme: string | null,
 *   sources: { label: string, n_files: number, first_year: number, last_year: number, latest_import: string }[], sections: Section[] }} AnnualDocument
 */

/** The sections, in the order the document has them. */
export const sectionTitles = /** @type {const} */ ({
  sammanfattning: 'Sammanfattning: måluppfyllelse',
  oj: 'Öppna jämförelser: staden mot riket, länet och kommungruppen',
  rapportering: 'Rapportering',
  krav: 'Krav som oftast inte är uppfyllda',
  enheter: 'Nämnder och bolag',
});

/** What a document made from sample data says on its cover (every page's header says "Exempeldata"). */
const sampleLine = 'Exempeldata – siffrorna är påhittade och visar bara hur verktyget fungerar.';

const ppFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** A placeholder's value as a sentence writes it (see sentencePlaceholders). */
function formatValue(/** @type {string} */ name, /** @type {unknown} */ value) {
  switch (sentencePlaceholders[name]) {
    case 'count': return number(Number(value));
    case 'share': return percent(Number(value));
    case 'pp': return ppFormat.format(Number(value));
    default: return String(value);
  }
}

/**
 * The sentences of a year: per row of annual_sentence_input, the first template of its topic (in file
 * order) whose condition holds and whose every placeholder has a value; none when no template fits.
 * @param {Record<string, any>[]} inputs rows of annual_sentence_input
 * @param {{ sentence_id: string, topic: string, template: string, condition: string | null }[]} templates in file order
 * @returns {Sentence[]}
 */
export function draftSentences(inputs, templates) {
  const parsed = templates.map((t) => {
    const condition = parseCondition(t.condition);
    return { ...t, clauses: 'clauses' in condition ? condition.clauses : [], names: templatePlaceholders(t.template) };
  });
  /** @type {Sentence[]} */
  const sentences = [];
  for (const row of inputs) {
    const t = parsed.find((p) => p.topic === row.topic && conditionHolds(p.clauses, row) && p.names.every((n) => row[n] !== null && row[n] !== undefined));
    if (!t) continue;
    sentences.push({
      text: t.template.replace(/\{([^{}]*)\}/g, (_, name) => formatValue(name, row[name])),
      sentenceId: t.sentence_id,
      topic: row.topic,
      subjectId: row.subject_id,
      values: Object.fromEntries(t.names.map((n) => [n, row[n]])),
      // Where its figures come from, in words: "Vyn judgement_city, raden 2025 · Beredskap · nämnder."
      source: { view: row.source_view, key: JSON.parse(row.source_key), row: row.source_row, note: `Vyn ${row.source_view}, raden ${row.source_row}.` },
    });
  }
  return sentences;
}

/** A share with its n for a compact cell, "66,4 % (39)"; "–" without one. */
const shareCell = (/** @type {number | null} */ share, /** @type {number} */ n) => (share === null || share === undefined ? '–' : `${percent(share)} (${number(n)})`);

/** The years a document can be made for: every year with a nämnd or bolag counted (annual_unit). */
export async function annualYears(/** @type {Query} */ query) {
  return (await query('select distinct year from annual_unit order by year')).map((r) => Number(r.year));
}

/**
 * The annual follow-up of `year` in the build profile the connection is set to (build_profile(): the
 * loaders set it, `report annual` sets internal), read as the loaders read it: public leaves out what the profile columns and
 * publish_in_public keep out of a public build (a unit's säkerhetsskydd figures), as the loaders do.
 * @param {Query} query
 * @param {{ year: number }} options
 * @returns {Promise<AnnualDocument>}
 */
export async function annualDocument(query, { year }) {
  return (await annualDocuments(query, [year]))[0];
}

/**
 * The annual follow-ups of `years`, as annualDocument makes each. Each mart is read once for all of them
 * and its rows handed to their year: a mart such as annual_sentence_input costs the same to read for one
 * year as for all (its year is decided late in the view), and the dashboard makes every year's document.
 * @param {Query} query
 * @param {number[]} years
 * @returns {Promise<AnnualDocument[]>}
 */
export async function annualDocuments(query, years) {
  if (!years.length) return [];
  const span = [Math.min(...years), Math.max(...years)];
  const profile = /** @type {'public' | 'internal'} */ ((await query('select build_profile() as p'))[0]?.p);
  const labelRows = await query('select domain, code, label from dash_label');
  const label = (/** @type {string} */ domain, /** @type {unknown} */ code) =>
    code === null || code === undefined ? null : labelRows.find((l) => l.domain === domain && l.code === code)?.label ?? String(code);
  const organisation = (await query('select name from dash_organisation'))[0]?.name ?? '';
  const freshness = await query('select kind, n_files, latest_import, first_year, last_year, any_sample from source_freshness order by kind');
  const templates = /** @type {any} */ (await query('select sentence_id, topic, template, condition from annual_sentence order by sort_order'));
  const allInputs = await query(`select * from annual_sentence_input where profile = build_profile() and year between $1 and $2 order by sort_order, subject_id`, span);
  const allJudged = await query(
    `select year, goal, goal_title, goal_order, unit_group, n_units, n_helt, n_delvis, n_ej, n_none from dash_leadership_attainment
     where profile = build_profile() and year between $1 and $2 and measure = 'bedomning' order by unit_group desc, goal_order`, span);
  const allShares = await query(
    `select year, fokusomrade, unit_group, share_met, n_applicable from readiness_city
     where year between $1 and $2 and basis = 'combined' and published(publish_in_public)`, span);
  const allOj = await query(
    `select year, area, area_title, area_order, series, series_first_year, opens_series, comparator_id, comparator_name, comparator_order, share_ja
     from annual_oj_area where year <= $1 order by area_order, series_first_year, comparator_order, year`, [span[1]]);
  const allUnits = await query(
    `select year, unit_id, name, unit_group, self_period, judgement, share_oj, n_oj, share_self, n_self, share_met, n_applicable, n_open, n_overdue, has_judgement
     from annual_unit where profile = build_profile() and year between $1 and $2 order by sort_order`, span);
  const allRequirements = await query(
    `select r.year, r.unit_group, r.requirement_id, r.text_sv, f.title_sv as fokus, r.n_unmet, r.n_units, r.n_partial, r.n_not_met, r.n_unanswered
     from dash_leadership_requirement r left join fokusomrade f using (fokusomrade)
     where r.profile = build_profile() and r.year between $1 and $2 and r.n_unmet > 0 and r.rank_unmet <= case r.unit_group when 'namnd' then 10 else 5 end
     order by r.unit_group desc, r.rank_unmet, r.requirement_id`, span);
  const ofYear = (/** @type {Record<string, any>[]} */ rows, /** @type {number} */ year) => rows.filter((r) => Number(r.year) === year);
  // Topic by topic in sentenceTopics' order, each topic's subjects in the view's order.
  const topicOrder = Object.keys(sentenceTopics);
  // The words for nämnder and bolag are the configuration's (labels.csv unit_group): which koncern the bolag form is the city's to say.
  const groupTitle = { namnd: String(label('unit_group', 'namnd')), bolag: String(label('unit_group', 'bolag')) };
  const groupWords = { namnd: groupTitle.namnd.toLocaleLowerCase('sv-SE'), bolag: groupTitle.bolag.toLocaleLowerCase('sv-SE') };
  /** @type {AnnualDocument[]} */
  const docs = [];
  for (const year of years) {
    const programme = (await query(
      `select title_sv, adopted from programme_version where first_year <= $1 and coalesce(last_year, 9999) >= $1`, [year]))[0];
    const inputs = ofYear(allInputs, year).sort((a, b) => topicOrder.indexOf(a.topic) - topicOrder.indexOf(b.topic));
    const sentences = draftSentences(inputs, templates);
    const opening = (/** @type {string} */ section) => sentences.filter((s) => sentenceTopics[/** @type {keyof typeof sentenceTopics} */ (s.topic)] === section);
    const judged = ofYear(allJudged, year);
    const shares = ofYear(allShares, year);
    const oj = allOj.filter((r) => Number(r.year) <= year);
    const units = ofYear(allUnits, year);
    const requirements = ofYear(allRequirements, year);
    // (a) nämndens bedömning per goal beside the computed share, nämnder and bolag apart
    /** @type {Table[]} */
    const summaryTables = /** @type {const} */ (['namnd', 'bolag']).flatMap((group) => {
      const rows = judged.filter((j) => j.unit_group === group);
      if (!rows.length) return [];
      return [{
        caption: `Nämndens bedömning ${year}, ${groupWords[group]}: antal som bedömer målet helt, delvis eller ej uppfyllt, och beräknad andel uppfyllt med n`,
        columns: [{ label: 'Mål' }, { label: 'Helt', num: true }, { label: 'Delvis', num: true }, { label: 'Ej', num: true },
          { label: 'Utan bedömning', num: true }, { label: 'Antal', num: true }, { label: 'Beräknad andel uppfyllt (n)', num: true }],
        rows: rows.map((j) => {
          const share = shares.find((s) => s.fokusomrade === j.goal && s.unit_group === group);
          return { cells: [j.goal_title, number(j.n_helt), number(j.n_delvis), number(j.n_ej), number(j.n_none), number(j.n_units), share ? shareCell(share.share_met, share.n_applicable) : '–'] };
        }),
      }];
    });

    // (b) ÖJ: stadsdelsnämnderna sammantaget against riket, län and kommungrupp, broken at series breaks
    const ojYears = [...new Set(oj.map((r) => Number(r.year)))].sort((a, b) => a - b);
    /** @type {TableRow[]} */
    const ojRows = [];
    for (const series of [...new Set(oj.map((r) => r.series))]) {
      const ofSeries = oj.filter((r) => r.series === series);
      const first = ofSeries[0];
      const last = Math.max(...ofSeries.map((r) => Number(r.year)));
      const span = first.opens_series ? `, ny serie från ${first.series_first_year}` : ofSeries.some((r) => r.year === year) ? '' : `, t.o.m. ${last}`;
      ojRows.push({ cells: [`${first.area_title}${span}`, ...ojYears.map(() => '')], group: true });
      for (const comparator of [...new Set(ofSeries.map((r) => r.comparator_id))]) {
        const ofComparator = ofSeries.filter((r) => r.comparator_id === comparator);
        ojRows.push({ cells: [ofComparator[0].comparator_name, ...ojYears.map((y) => {
          const cell = ofComparator.find((r) => r.year === y);
          return cell ? percent(cell.share_ja) : '';
        })] });
      }
    }
    /** @type {Table[]} */
    const ojTables = ojRows.length ? [{
      caption: `Andel Ja-svar per område i Öppna jämförelser ${ojYears[0]}–${ojYears.at(-1)}: stadsdelsnämnderna sammantaget, riket, länet och kommungruppen`,
      columns: [{ label: 'Område och jämförelse' }, ...ojYears.map((y) => ({ label: String(y), num: true }))],
      rows: ojRows,
      note: 'Andel Ja av de svarande (Ja, Nej, Delvis, Pågår), som Socialstyrelsen redovisar. En ny serie jämförs inte med den före: raden bryts där.',
    }] : [];

    // (e) every unit in one compact table, and (c) those that have not reported
    const unitTables = /** @type {const} */ (['namnd', 'bolag']).flatMap((group) => {
      const rows = units.filter((u) => u.unit_group === group);
      return rows.length ? [{
        caption: `${groupTitle[group]} ${year}: nämndens bedömning, beräknad andel uppfyllt (n) och öppna krav`,
        columns: [{ label: 'Enhet' }, { label: 'Bedömning' }, { label: 'ÖJ (n)', num: true }, { label: 'Självskattning (n)', num: true },
          { label: 'Sammanvägt (n)', num: true }, { label: 'Öppna krav', num: true }, { label: 'Försenade', num: true }],
        rows: rows.map((u) => ({ cells: [u.name, label('attainment', u.judgement) ?? '–', shareCell(u.share_oj, u.n_oj), shareCell(u.share_self, u.n_self),
          shareCell(u.share_met, u.n_applicable), number(u.n_open), number(u.n_overdue)] })),
      }] : [];
    });
    // Named one by one only when others did report: in a year before self-assessments the sentence says it all.
    const missing = units.filter((u) => u.self_period === null || !u.has_judgement);
    /** @type {Table[]} */
    const reportingTables = missing.length && missing.length < units.length ? [{
      caption: `Nämnder och bolag som saknar självskattning eller bedömning för ${year}`,
      columns: [{ label: 'Enhet' }, { label: 'Senaste självskattning' }, { label: 'Nämndens bedömning' }],
      rows: missing.map((u) => ({ cells: [u.name, label('period', u.self_period) ?? 'ingen', u.has_judgement ? 'lämnad' : 'saknas'] })),
    }] : [];

    // (d) the requirements most often not met
    const requirementTables = /** @type {const} */ (['namnd', 'bolag']).flatMap((group) => {
      const rows = requirements.filter((r) => r.unit_group === group);
      return rows.length ? [{
        caption: `Krav som oftast inte är uppfyllda ${year}, ${groupWords[group]}`,
        columns: [{ label: 'Krav' }, { label: 'Fokusområde' }, { label: 'Ej uppfyllt hos', num: true }, { label: 'Av', num: true },
          { label: 'Delvis', num: true }, { label: 'Ej', num: true }, { label: 'Obesvarat', num: true }],
        rows: rows.map((r) => ({ cells: [r.text_sv, r.fokus ?? '–', number(r.n_unmet), number(r.n_units), number(r.n_partial), number(r.n_not_met), number(r.n_unanswered)] })),
      }] : [];
    });

    const unitSentences = opening('enheter').filter((s) => s.topic !== 'enheter_att_ta_upp');
    /** @type {UnitParagraph[]} */
    const paragraphs = units
      .map((u) => ({ title: u.name, sentences: unitSentences.filter((s) => s.subjectId === u.unit_id) }))
      .filter((p) => p.sentences.length);

    /** @type {Section[]} */
    const sections = [
      { id: 'sammanfattning', title: sectionTitles.sammanfattning, sentences: opening('sammanfattning'), tables: summaryTables, paragraphs: [], empty: 'Ingen bedömning eller beräknad andel för året.' },
      { id: 'oj', title: sectionTitles.oj, sentences: opening('oj'), tables: ojTables, paragraphs: [], empty: 'Inga ÖJ-svar för året.' },
      { id: 'rapportering', title: sectionTitles.rapportering, sentences: opening('rapportering'), tables: reportingTables, paragraphs: [] },
      { id: 'krav', title: sectionTitles.krav, sentences: opening('krav'), tables: requirementTables, paragraphs: [], empty: 'Inga självskattade krav för året.' },
      { id: 'enheter', title: sectionTitles.enheter, sentences: opening('enheter').filter((s) => s.topic === 'enheter_att_ta_upp'), tables: unitTables, paragraphs },
    ];
    docs.push({
      year,
      title: `Årsuppföljning ${year}`,
      organisation,
      profile,
      sample: freshness.some((s) => s.any_sample),
      notice: freshness.some((s) => s.any_sample) ? sampleLine : null,
      programme: programme ? `${programme.title_sv}${programme.adopted ? ` (${programme.adopted})` : ''}` : null,
      sources: freshness.map((s) => ({
        label: label('source_kind', s.kind) ?? s.kind, n_files: s.n_files, first_year: s.first_year, last_year: s.last_year, latest_import: s.latest_import,
      })),
      sections,
    });
  }
  return docs;
}
