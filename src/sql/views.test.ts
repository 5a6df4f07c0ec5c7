// The readiness views against their header comments: tiny hand-built ÖJ and self-assessment CSVs are
// imported through the real importers into a real DuckDB, and every expected number is worked out by
// hand from the view's rules (never by re-running its SQL).
import { cpSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { configDir, openTestDb, tempDir, writeText } from '../test/helpers.ts';

const headers = {
  oj: 'ar;enhet;indikator;verksamhet;svar',
  self: 'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast',
};

/** ÖJ cells of one unit and area, one answer per verksamhet in catalog order: "Ja Ja Nej". */
const verksamheter = ['sabo', 'hemtjanst', 'hsl', 'lss_vuxna', 'lss_barn', 'sol_vuxna', 'sol_barn', 'hvb_barn', 'hvb_vuxna', 'stodboende_barn'];
const cells = (year: number, unit: string, area: string, answers: string) =>
  answers.split(' ').map((a, i) => `${year};${unit};${area};${verksamheter[i]};${a}`).join('\n');

describe('readiness views', () => {
  const dir = tempDir();
  let db: Database;
  let other: Database | undefined;
  let fileNo = 0;
  afterEach(() => {
    db?.close();
    other?.close();
    other = undefined;
  });

  /** Writes a CSV (header + the given lines, indentation stripped) and imports it through the real importer. */
  async function load(kind: 'oj' | 'self', lines: string, into: Database = db) {
    // Rows typed without their empty trailing fields get them: every CSV row has as many fields as its header.
    const width = headers[kind].split(';').length;
    const body = lines.trim().split('\n').map((l) => l.trim() + ';'.repeat(Math.max(0, width - l.trim().split(';').length))).join('\n');
    const file = writeText(join(dir, `${kind}-${++fileNo}.csv`), `${headers[kind]}\n${body}\n`);
    await (kind === 'oj' ? importOj(into, [file]) : importSelfAssessment(into, [file]));
  }
  const q = <T = Record<string, unknown>>(sql: string, on: Database = db) => on.all<T>(sql);
  const counts = 'n_items, n_met, n_partial, n_not_met, n_in_progress, n_unanswered, n_not_applicable, n_applicable, share_met, share_answered';

  it('readiness: ej_aktuellt leaves the denominator, ej_svar is applicable and not met, delvis/pågår never met; no data is NULL; combined counts each fact once', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2024;Farsta;evakuering;sabo;Ja
      2024;Farsta;evakuering;hemtjanst;Nej
      2024;Farsta;evakuering;hsl;Ej svar
      2024;Farsta;evakuering;lss_vuxna;Ej aktuellt
      2024;Farsta;varme;sabo;Arbete pågår
      2024;Farsta;kontinuitet;sabo;Delvis
      2024;Farsta;kontinuitet;hemtjanst;Ja
      2024;Bromma;evakuering;sabo;Ej aktuellt
      2024;Bromma;varme;sabo;Ej aktuellt
      2024;Bromma;kontinuitet;sabo;Ja`);
    await load('self', `
      2024;T1;Farsta;O01;Uppfyllt
      2024;T1;Farsta;O02;Uppfyllt
      2024;T1;Farsta;O03;Ej aktuellt`);

    const none = { n_items: 0, n_met: 0, n_partial: 0, n_not_met: 0, n_in_progress: 0, n_unanswered: 0, n_not_applicable: 0, n_applicable: 0, share_met: null, share_answered: null, programme_version: 'programme_2024' };
    expect(await q(`select fokusomrade, ${counts}, programme_version from readiness where year = 2024 and unit_id = 'farsta' and basis = 'oj' order by fokusomrade`)).toEqual([
      { fokusomrade: 'beredskap', n_items: 2, n_met: 1, n_partial: 1, n_not_met: 0, n_in_progress: 0, n_unanswered: 0, n_not_applicable: 0, n_applicable: 2, share_met: 0.5, share_answered: 1, programme_version: 'programme_2024' },
      { fokusomrade: 'olycksforebyggande', n_items: 5, n_met: 1, n_partial: 0, n_not_met: 1, n_in_progress: 1, n_unanswered: 1, n_not_applicable: 1, n_applicable: 4, share_met: 0.25, share_answered: 0.75, programme_version: 'programme_2024' },
      { fokusomrade: 'personsakerhet', ...none },
      { fokusomrade: 'sakerhetsskydd', ...none },
    ]);
    // Bromma's olycksförebyggande cells are all ej_aktuellt: no data, not 0 % and not 100 %.
    expect(await q(`select fokusomrade, n_items, n_applicable, share_met, share_answered from readiness where year = 2024 and unit_id = 'bromma' and basis = 'oj' and fokusomrade in ('beredskap', 'olycksforebyggande') order by fokusomrade`)).toEqual([
      { fokusomrade: 'beredskap', n_items: 1, n_applicable: 1, share_met: 1, share_answered: 1 },
      { fokusomrade: 'olycksforebyggande', n_items: 2, n_applicable: 0, share_met: null, share_answered: null },
    ]);
    // combined = ÖJ items + self items, each fact once (requirement_oj_map.csv), a requirement by its latest
    // dated evidence (T1 ends 30 April, after ÖJ's 1 February): B06 (left out of the report: no evidence of
    // its own) holds both kontinuitet cells, so ÖJ decides – Delvis and Ja, the least met: partial; the
    // other B requirements are unanswered. O02 (uppfyllt in T1) holds the evakuering cells, one Nej: the
    // later report decides, met – and the two sources disagree; O03 (ej aktuellt in T1) holds varme's
    // Pågår: not applicable, the report being later. O01 met. S01–S04 and P01–P04 left out: unanswered.
    expect(await q(`select fokusomrade, n_items, n_met, n_partial, n_unanswered, n_in_progress, n_not_applicable, n_oj_merged, n_disagree, share_met from readiness where year = 2024 and unit_id = 'farsta' and basis = 'combined' order by fokusomrade`)).toEqual([
      { fokusomrade: 'beredskap', n_items: 11, n_met: 0, n_partial: 1, n_unanswered: 10, n_in_progress: 0, n_not_applicable: 0, n_oj_merged: 2, n_disagree: 0, share_met: 0 },
      { fokusomrade: 'olycksforebyggande', n_items: 3, n_met: 2, n_partial: 0, n_unanswered: 0, n_in_progress: 0, n_not_applicable: 1, n_oj_merged: 5, n_disagree: 1, share_met: 1 },
      { fokusomrade: 'personsakerhet', n_items: 4, n_met: 0, n_partial: 0, n_unanswered: 4, n_in_progress: 0, n_not_applicable: 0, n_oj_merged: 0, n_disagree: 0, share_met: 0 },
      { fokusomrade: 'sakerhetsskydd', n_items: 4, n_met: 0, n_partial: 0, n_unanswered: 4, n_in_progress: 0, n_not_applicable: 0, n_oj_merged: 0, n_disagree: 0, share_met: 0 },
    ]);
    expect(await q(`select item_id, outcome, evidence, self_outcome, oj_outcome, sources_disagree from readiness_item
                    where year = 2024 and unit_id = 'farsta' and basis = 'combined' and item_id in ('B06', 'O02', 'O03') order by item_id`)).toEqual([
      { item_id: 'B06', outcome: 'partial', evidence: 'oj', self_outcome: 'unanswered', oj_outcome: 'partial', sources_disagree: false },
      { item_id: 'O02', outcome: 'met', evidence: 'self', self_outcome: 'met', oj_outcome: 'not_met', sources_disagree: true },
      { item_id: 'O03', outcome: 'not_applicable', evidence: 'self', self_outcome: 'not_applicable', oj_outcome: 'in_progress', sources_disagree: false },
    ]);
  });

  it('readiness, self basis: the latest period of the year counts (VB over T1), and a requirement left out of the report is unanswered', async () => {
    db = await openTestDb(dir);
    await load('self', `
      2024;T1;Farsta;P01;Ej uppfyllt
      2024;T1;Farsta;P02;Uppfyllt
      2024;VB;Farsta;P01;Uppfyllt
      2024;VB;Farsta;P02;Uppfyllt
      2024;VB;Farsta;P03;Uppfyllt`);
    expect(await q(`select fokusomrade, ${counts} from readiness where year = 2024 and unit_id = 'farsta' and basis = 'self' and fokusomrade in ('personsakerhet', 'beredskap') order by fokusomrade`)).toEqual([
      // B01–B11 apply to a stadsdelsnämnd (requirement_applicability.csv)
      { fokusomrade: 'beredskap', n_items: 11, n_met: 0, n_partial: 0, n_not_met: 0, n_in_progress: 0, n_unanswered: 11, n_not_applicable: 0, n_applicable: 11, share_met: 0, share_answered: 0 },
      { fokusomrade: 'personsakerhet', n_items: 4, n_met: 3, n_partial: 0, n_not_met: 0, n_in_progress: 0, n_unanswered: 1, n_not_applicable: 0, n_applicable: 4, share_met: 0.75, share_answered: 0.75 },
    ]);
  });

  it('readiness after a reorganisation: a unit has rows only in years it existed (Järva from 2024, Rinkeby-Kista until 2023)', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2023;Rinkeby-Kista;evakuering;sabo;Ja
      2023;Spånga-Tensta;evakuering;sabo;Nej
      2024;Järva;evakuering;sabo;Ja`);
    expect(await q(`select distinct unit_id, year from readiness where unit_id in ('jarva', 'rinkeby-kista', 'spanga-tensta') order by year, unit_id`)).toEqual([
      { unit_id: 'rinkeby-kista', year: 2023 },
      { unit_id: 'spanga-tensta', year: 2023 },
      { unit_id: 'jarva', year: 2024 },
    ]);
  });

  it('oj_gap follows lineage: a predecessor\'s Nej makes Järva\'s Nej kvarstående, then åtgärdad; new gaps are ny; ej_aktuellt is no gap', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2023;Rinkeby-Kista;evakuering;sabo;Nej
      2023;Spånga-Tensta;evakuering;sabo;Ja
      2024;Järva;evakuering;sabo;Nej
      2025;Järva;evakuering;sabo;Ja
      2023;Farsta;evakuering;hemtjanst;Ja
      2024;Farsta;evakuering;hemtjanst;Nej
      2024;Farsta;varme;sabo;Nej
      2023;Farsta;varme;hemtjanst;Ej aktuellt
      2024;Farsta;varme;hemtjanst;Ja
      2024;Farsta;varme;hsl;Ej aktuellt`);
    expect(await q('select year, unit_id, indicator_id, answer, gap_status, since_year, previous_answers from oj_gap order by unit_id, year, indicator_id')).toEqual([
      { year: 2024, unit_id: 'farsta', indicator_id: 'evakuering_hemtjanst', answer: 'nej', gap_status: 'ny', since_year: 2024, previous_answers: 'farsta:ja' },
      { year: 2024, unit_id: 'farsta', indicator_id: 'varme_sabo', answer: 'nej', gap_status: 'ny', since_year: 2024, previous_answers: null },
      { year: 2024, unit_id: 'jarva', indicator_id: 'evakuering_sabo', answer: 'nej', gap_status: 'kvarstaende', since_year: 2023, previous_answers: 'rinkeby-kista:nej, spanga-tensta:ja' },
      { year: 2025, unit_id: 'jarva', indicator_id: 'evakuering_sabo', answer: 'ja', gap_status: 'atgardad', since_year: 2023, previous_answers: 'jarva:nej' },
      { year: 2023, unit_id: 'rinkeby-kista', indicator_id: 'evakuering_sabo', answer: 'nej', gap_status: 'ny', since_year: 2023, previous_answers: null },
    ]);
  });

  it('oj_gap and oj_trend across the 2023 series break: the revised kontinuitet cell starts anew (ny, break_before), never kvarstående', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2022;Farsta;kontinuitet;sabo;Nej
      2023;Farsta;kontinuitet;sabo;Nej
      2024;Farsta;kontinuitet;sabo;Nej`);
    expect(await q('select year, indicator_id, gap_status, since_year, break_before from oj_gap order by year')).toEqual([
      { year: 2022, indicator_id: 'kontinuitet_sabo', gap_status: 'ny', since_year: 2022, break_before: false },
      { year: 2023, indicator_id: 'kontinuitet_sabo_2023', gap_status: 'ny', since_year: 2023, break_before: true },
      { year: 2024, indicator_id: 'kontinuitet_sabo_2023', gap_status: 'kvarstaende', since_year: 2023, break_before: false },
    ]);
    expect(await q(`select year, series, break_before from oj_trend where unit_id = 'farsta' and area = 'kontinuitet' order by year`)).toEqual([
      { year: 2022, series: 'kontinuitet-2019', break_before: false },
      { year: 2023, series: 'kontinuitet-2023', break_before: true },
      { year: 2024, series: 'kontinuitet-2023', break_before: false },
    ]);
  });

  it('oj_trend shows Järva\'s predecessors as separate labelled rows before 2024 (never summed) and its own from 2024', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      ${cells(2023, 'Rinkeby-Kista', 'evakuering', 'Ja Nej Nej')}
      2023;Spånga-Tensta;evakuering;sabo;Ja
      2023;Spånga-Tensta;evakuering;hemtjanst;Ej svar
      2023;Spånga-Tensta;evakuering;hsl;Ej aktuellt
      ${cells(2024, 'Järva', 'evakuering', 'Ja Ja Nej Ja')}`);
    expect(await q(`select year, via_unit_id, n_cells, n_ja, n_applicable, n_unanswered, share_ja from oj_trend where unit_id = 'jarva' and area = 'evakuering' order by year, via_unit_id`)).toEqual([
      { year: 2023, via_unit_id: 'rinkeby-kista', n_cells: 3, n_ja: 1, n_applicable: 3, n_unanswered: 0, share_ja: 1 / 3 },
      { year: 2023, via_unit_id: 'spanga-tensta', n_cells: 3, n_ja: 1, n_applicable: 2, n_unanswered: 1, share_ja: 0.5 },
      { year: 2024, via_unit_id: null, n_cells: 4, n_ja: 3, n_applicable: 4, n_unanswered: 0, share_ja: 0.75 },
    ]);
  });

  it('self_gap: delvis, ej uppfyllt, blank and left-out requirements are gaps with their follow-up fields; försenad means due before the period ended, whatever the day; åtgärdad and kvarstående period by period', async () => {
    db = await openTestDb(dir);
    await load('self', `
      2024;T1;Farsta;B01;Delvis;Planen revideras;Revidera planen;Säkerhetssamordnare;2020-01-01
      2024;T1;Farsta;B02;Ej uppfyllt;;Övning;Förvaltningschef;2099-12-31
      2024;T1;Farsta;B03;
      2024;T1;Farsta;B04;Ej uppfyllt
      2024;T1;Farsta;B05;Delvis;;Ny rutin;Enhetschef;2024-05-15
      2024;T2;Farsta;B04;Uppfyllt
      2024;T2;Farsta;B05;Delvis`);
    const rows = await q(`select period, requirement_id, status, is_missing_row, gap_status, since_year, since_period, overdue
      from self_gap where unit_id = 'farsta' and requirement_id in ('B01', 'B02', 'B03', 'B04', 'B05', 'B06') order by period, requirement_id`);
    const row = (period: string, requirement_id: string, status: string, gap_status: string, since_period: string, overdue: boolean, is_missing_row = false) =>
      ({ period, requirement_id, status, is_missing_row, gap_status, since_year: 2024, since_period, overdue });
    expect(rows).toEqual([
      row('T1', 'B01', 'delvis', 'ny', 'T1', true),
      row('T1', 'B02', 'ej_uppfyllt', 'ny', 'T1', false),
      row('T1', 'B03', 'ej_svar', 'ny', 'T1', false),
      row('T1', 'B04', 'ej_uppfyllt', 'ny', 'T1', false),
      row('T1', 'B05', 'delvis', 'ny', 'T1', false),
      row('T1', 'B06', 'ej_svar', 'ny', 'T1', false, true),
      row('T2', 'B01', 'ej_svar', 'kvarstaende', 'T1', false, true),
      row('T2', 'B02', 'ej_svar', 'kvarstaende', 'T1', false, true),
      row('T2', 'B03', 'ej_svar', 'kvarstaende', 'T1', false, true),
      row('T2', 'B04', 'uppfyllt', 'atgardad', 'T1', false),
      row('T2', 'B05', 'delvis', 'kvarstaende', 'T1', false),
      row('T2', 'B06', 'ej_svar', 'kvarstaende', 'T1', false, true),
    ]);
    // B05's date (15 May) was still ahead when T1 ended (30 April): not försenad in T1, though long past today.
    expect(rows.find((r) => r.period === 'T1' && r.requirement_id === 'B05')).toMatchObject({ overdue: false });
    expect(await q(`select comment, planned_action, owner, due_date::varchar as due_date from self_gap where period = 'T1' and requirement_id in ('B01', 'B02') order by requirement_id`)).toEqual([
      { comment: 'Planen revideras', planned_action: 'Revidera planen', owner: 'Säkerhetssamordnare', due_date: '2020-01-01' },
      { comment: null, planned_action: 'Övning', owner: 'Förvaltningschef', due_date: '2099-12-31' },
    ]);
  });

  it('goal_attainment uses the targets in data/targets.csv (0.9, delvis within 20 pp), and goal_attainment_city counts nämnder with the worst fokusområde for samtliga', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      ${cells(2024, 'Farsta', 'evakuering', 'Ja Ja Ja Ja Ja Ja Ja Ja Ja Nej')}
      2024;Farsta;kontinuitet;sabo;Nej
      ${cells(2024, 'Bromma', 'evakuering', 'Ja Ja Ja Nej')}
      2024;Bromma;kontinuitet;sabo;Ja
      ${cells(2024, 'Kungsholmen', 'evakuering', 'Ja Nej')}
      2024;Skarpnäck;evakuering;sabo;Ej aktuellt`);
    expect(await q(`select unit_id, fokusomrade, share_met, target_share, attainment from goal_attainment
      where year = 2024 and fokusomrade in ('beredskap', 'olycksforebyggande') and unit_id in ('bromma', 'farsta', 'kungsholmen', 'skarpnack')
      order by unit_id, fokusomrade`)).toEqual([
      { unit_id: 'bromma', fokusomrade: 'beredskap', share_met: 1, target_share: 0.9, attainment: 'helt' },
      { unit_id: 'bromma', fokusomrade: 'olycksforebyggande', share_met: 0.75, target_share: 0.9, attainment: 'delvis' },
      { unit_id: 'farsta', fokusomrade: 'beredskap', share_met: 0, target_share: 0.9, attainment: 'ej' },
      { unit_id: 'farsta', fokusomrade: 'olycksforebyggande', share_met: 0.9, target_share: 0.9, attainment: 'helt' },
      { unit_id: 'kungsholmen', fokusomrade: 'beredskap', share_met: null, target_share: 0.9, attainment: null },
      { unit_id: 'kungsholmen', fokusomrade: 'olycksforebyggande', share_met: 0.5, target_share: 0.9, attainment: 'ej' },
      { unit_id: 'skarpnack', fokusomrade: 'beredskap', share_met: null, target_share: 0.9, attainment: null },
      { unit_id: 'skarpnack', fokusomrade: 'olycksforebyggande', share_met: null, target_share: 0.9, attainment: null },
    ]);
    // Every nämnd in force on 31 December 2024 counts (11 stadsdelsnämnder, 16 facknämnder, kommunstyrelsen):
    // those without data as inga uppgifter, never left out. Bolag are counted apart (unit_group bolag).
    expect(await q(`select fokusomrade, n_units, n_helt, n_delvis, n_ej, n_inga_uppgifter from goal_attainment_city where profile = 'internal' and year = 2024 and unit_group = 'namnd' order by fokusomrade`)).toEqual([
      { fokusomrade: 'beredskap', n_units: 28, n_helt: 1, n_delvis: 0, n_ej: 1, n_inga_uppgifter: 26 },
      { fokusomrade: 'olycksforebyggande', n_units: 28, n_helt: 1, n_delvis: 1, n_ej: 1, n_inga_uppgifter: 25 },
      { fokusomrade: 'personsakerhet', n_units: 28, n_helt: 0, n_delvis: 0, n_ej: 0, n_inga_uppgifter: 28 },
      { fokusomrade: 'sakerhetsskydd', n_units: 28, n_helt: 0, n_delvis: 0, n_ej: 0, n_inga_uppgifter: 28 },
      // Farsta: helt + ej → ej; Bromma: helt + delvis → delvis; Kungsholmen: ej; Skarpnäck and the rest: no data.
      { fokusomrade: 'samtliga', n_units: 28, n_helt: 0, n_delvis: 1, n_ej: 2, n_inga_uppgifter: 25 },
    ]);
  });

  it('oj_gap compares with the latest earlier year when a unit is missing a year: a gap stays kvarstaende', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2021;Farsta;evakuering;sabo;Nej
      2023;Farsta;evakuering;sabo;Nej
      2021;Bromma;evakuering;sabo;Nej
      2022;Bromma;evakuering;hemtjanst;Ja
      2023;Bromma;evakuering;sabo;Nej`);
    expect(await q(`select year, unit_id, gap_status, since_year from oj_gap where indicator_id = 'evakuering_sabo' order by unit_id, year`)).toEqual([
      { year: 2021, unit_id: 'bromma', gap_status: 'ny', since_year: 2021 },
      // Bromma answered in 2022 but not this question: absent last year, so the gap is ny again.
      { year: 2023, unit_id: 'bromma', gap_status: 'ny', since_year: 2023 },
      { year: 2021, unit_id: 'farsta', gap_status: 'ny', since_year: 2021 },
      // Farsta sent nothing in 2022: compared with 2021, the gap remains.
      { year: 2023, unit_id: 'farsta', gap_status: 'kvarstaende', since_year: 2021 },
    ]);
  });

  it('readiness_change shows a change only between comparable years, and says why not otherwise', async () => {
    db = await openTestDb(dir);
    // upphandling for LSS: a cell Farsta shares with the socialnämnd (oj_cell_owner.csv), so it counts for Farsta;
    // SÄBO's would be äldrenämndens alone.
    await load('oj', `
      2018;Farsta;upphandling;lss_vuxna;Ja
      2019;Farsta;upphandling;lss_vuxna;Ja
      2019;Farsta;kontinuitet;sabo;Nej
      2020;Farsta;upphandling;lss_vuxna;Ja
      2020;Farsta;kontinuitet;sabo;Ja
      2021;Farsta;evakuering;sabo;Nej
      2022;Farsta;evakuering;sabo;Ja
      2022;Farsta;upphandling;lss_vuxna;Ja
      2023;Farsta;upphandling;lss_vuxna;Nej`);
    expect(await q(`select year, fokusomrade, change, not_comparable_reason from readiness_change
      where unit_id = 'farsta' and basis = 'oj' and fokusomrade in ('beredskap', 'olycksforebyggande') and share_met is not null order by fokusomrade, year`)).toEqual([
      { year: 2018, fokusomrade: 'beredskap', change: null, not_comparable_reason: 'inget_foregaende' },
      { year: 2019, fokusomrade: 'beredskap', change: null, not_comparable_reason: 'andrade_fragor' },
      { year: 2020, fokusomrade: 'beredskap', change: 0.5, not_comparable_reason: null },
      { year: 2022, fokusomrade: 'beredskap', change: null, not_comparable_reason: 'inget_foregaende' },
      { year: 2023, fokusomrade: 'beredskap', change: null, not_comparable_reason: 'ny_oj_serie' },
      { year: 2021, fokusomrade: 'olycksforebyggande', change: null, not_comparable_reason: 'inget_foregaende' },
      { year: 2022, fokusomrade: 'olycksforebyggande', change: 1, not_comparable_reason: null },
    ]);
  });

  it('goal_attainment_city counts a nämnd merged away during the year once, under its successor', async () => {
    db = await openTestDb(dir);
    // 2023: Rinkeby-Kista answered ÖJ in February; Järva reported its VB in December.
    await load('oj', '2023;Rinkeby-Kista;evakuering;sabo;Ja');
    await load('self', '2023;VB;Järva;K01;Uppfyllt');
    const units = await q(`select unit_id from goal_attainment where year = 2023 and unit_id in ('jarva', 'rinkeby-kista', 'spanga-tensta') group by all order by 1`);
    expect(units).toEqual([{ unit_id: 'jarva' }]);
    expect(await q(`select n_units from goal_attainment_city where profile = 'internal' and year = 2023 and fokusomrade = 'samtliga' and unit_group = 'namnd'`)).toEqual([{ n_units: 28 }]);
  });

  it('programme 2020 requirements reach fokusområden through area_crosswalk.csv, and editing the crosswalk moves them without code changes', async () => {
    db = await openTestDb(dir);
    const report = `
      2021;VB;Farsta;K01;Uppfyllt
      2021;VB;Farsta;I01;Uppfyllt
      2021;VB;Farsta;H01;Uppfyllt`;
    const readiness = `select fokusomrade, n_items, n_met, programme_version from readiness where year = 2021 and unit_id = 'farsta' and basis = 'self' order by fokusomrade`;
    await load('self', report);
    // In force 2021 for a stadsdelsnämnd: K01–K06, C01 (beredskap), I01 (säkerhetsskydd; I02 and I03, general
    // informationssäkerhet, count towards no fokusområde), F01–F02 (olycksförebyggande), H01–H02 (personsäkerhet).
    expect(await q(readiness)).toEqual([
      { fokusomrade: 'beredskap', n_items: 7, n_met: 1, programme_version: 'programme_2020' },
      { fokusomrade: 'olycksforebyggande', n_items: 2, n_met: 0, programme_version: 'programme_2020' },
      { fokusomrade: 'personsakerhet', n_items: 2, n_met: 1, programme_version: 'programme_2020' },
      { fokusomrade: 'sakerhetsskydd', n_items: 1, n_met: 1, programme_version: 'programme_2020' },
    ]);

    const edited = join(dir, 'config');
    cpSync(configDir, edited, { recursive: true, filter: (src) => !/\.duckdb|^raw$|^sample$/.test(basename(src)) });
    const crosswalk = join(edited, 'area_crosswalk.csv');
    const before = readFileSync(crosswalk, 'utf8');
    const after = before.replace('programme_2020,hot_och_vald,Hot och våld mot anställda,personsakerhet', 'programme_2020,hot_och_vald,Hot och våld mot anställda,olycksforebyggande');
    expect(after).not.toBe(before);
    writeText(crosswalk, after);
    other = await Database.open(join(dir, 'edited.duckdb'));
    await initDatabase(other, edited);
    await load('self', report, other);
    expect(await q(readiness, other)).toEqual([
      { fokusomrade: 'beredskap', n_items: 7, n_met: 1, programme_version: 'programme_2020' },
      { fokusomrade: 'olycksforebyggande', n_items: 4, n_met: 1, programme_version: 'programme_2020' },
      { fokusomrade: 'personsakerhet', n_items: 0, n_met: 0, programme_version: 'programme_2020' },
      { fokusomrade: 'sakerhetsskydd', n_items: 1, n_met: 1, programme_version: 'programme_2020' },
    ]);
  });

  it('consistency flags uppfyllt against an ÖJ Nej, and ej uppfyllt against all-Ja applicable cells', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2024;Farsta;evakuering;sabo;Nej
      2024;Farsta;evakuering;hemtjanst;Ja
      2024;Farsta;varme;sabo;Ja
      2024;Farsta;varme;hemtjanst;Ej aktuellt
      2024;Farsta;kontinuitet;sabo;Ja`);
    await load('self', `
      2024;VB;Farsta;O02;Uppfyllt
      2024;VB;Farsta;O03;Ej uppfyllt
      2024;VB;Farsta;B06;Uppfyllt`);
    expect(await q(`select requirement_id, self_status, n_oj_cells, n_oj_ja, n_oj_nej, n_oj_applicable, oj_nej_cells, finding from consistency where year = 2024 and unit_id = 'farsta' order by requirement_id`)).toEqual([
      { requirement_id: 'B06', self_status: 'uppfyllt', n_oj_cells: 1, n_oj_ja: 1, n_oj_nej: 0, n_oj_applicable: 1, oj_nej_cells: null, finding: null },
      { requirement_id: 'O02', self_status: 'uppfyllt', n_oj_cells: 2, n_oj_ja: 1, n_oj_nej: 1, n_oj_applicable: 2, oj_nej_cells: 'evakuering_sabo', finding: 'sjalv_uppfyllt_oj_nej' },
      { requirement_id: 'O03', self_status: 'ej_uppfyllt', n_oj_cells: 2, n_oj_ja: 1, n_oj_nej: 0, n_oj_applicable: 1, oj_nej_cells: null, finding: 'sjalv_ej_uppfyllt_oj_ja' },
    ]);
  });

  it('fidelity recomputes a riket or län share from the same file\'s kommun answers (ej svar not responding) and flags a mismatch', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2024;Riket;evakuering;sabo;50
      2024;Riket;evakuering;hemtjanst;60
      2024;Stockholms län;varme;sabo;100
      2024;Upplands Väsby;evakuering;sabo;Ja
      2024;Vallentuna;evakuering;sabo;Nej
      2024;Österåker;evakuering;sabo;Ej svar
      2024;Upplands Väsby;evakuering;hemtjanst;Ja
      2024;Vallentuna;evakuering;hemtjanst;Nej
      2024;Upplands Väsby;varme;sabo;Ja
      2024;Uppsala;varme;sabo;Nej`);
    expect(await q('select level, unit_id, indicator_id, share_published, share_recomputed, n_responding, diff_pp, ok from fidelity order by unit_id, indicator_id')).toEqual([
      // Stockholms län: Upplands Väsby only; Uppsala (län 03) is not its kommun.
      { level: 'lan', unit_id: 'lan-01', indicator_id: 'varme_sabo', share_published: 1, share_recomputed: 1, n_responding: 1, diff_pp: 0, ok: true },
      { level: 'riket', unit_id: 'riket', indicator_id: 'evakuering_hemtjanst', share_published: 0.6, share_recomputed: 0.5, n_responding: 2, diff_pp: -10, ok: false },
      { level: 'riket', unit_id: 'riket', indicator_id: 'evakuering_sabo', share_published: 0.5, share_recomputed: 0.5, n_responding: 2, diff_pp: 0, ok: true },
    ]);
  });

  it('oj_comparison pools the stadsdelsnämnder, shows Stockholm\'s own answer, and peers with riket recomputed beside its published share', async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2024;Riket;evakuering;sabo;70
      2024;Farsta;evakuering;sabo;Ja
      2024;Bromma;evakuering;sabo;Nej
      2024;Kungsholmen;evakuering;sabo;Ej svar
      2024;Skarpnäck;evakuering;sabo;Ja
      2024;Södermalm;evakuering;sabo;Nej
      2024;Stockholm;evakuering;sabo;Nej
      2024;Göteborg;evakuering;sabo;Ja
      2024;Malmö;evakuering;sabo;Ej svar`);
    expect(await q(`select role, unit_id, share_ja, n_responding, n_units, answer, share_ja_published from oj_comparison
      where year = 2024 and indicator_id = 'evakuering_sabo' order by role, unit_id`)).toEqual([
      { role: 'jamforelse', unit_id: 'goteborg', share_ja: 1, n_responding: 1, n_units: 1, answer: 'ja', share_ja_published: null },
      { role: 'jamforelse', unit_id: 'kommungrupp-a1', share_ja: 0.5, n_responding: 2, n_units: 3, answer: null, share_ja_published: null },
      { role: 'jamforelse', unit_id: 'lan-01', share_ja: 0, n_responding: 1, n_units: 1, answer: 'nej', share_ja_published: null },
      { role: 'jamforelse', unit_id: 'malmo', share_ja: null, n_responding: 0, n_units: 1, answer: 'ej_svar', share_ja_published: null },
      { role: 'jamforelse', unit_id: 'riket', share_ja: 0.5, n_responding: 2, n_units: 3, answer: null, share_ja_published: 0.7 },
      { role: 'kommun', unit_id: 'stockholm', share_ja: 0, n_responding: 1, n_units: 1, answer: 'nej', share_ja_published: null },
      // Farsta, Skarpnäck ja; Bromma, Södermalm nej; Kungsholmen ej svar: 2 of 4 responding.
      { role: 'stadsdelsnamnder', unit_id: 'stockholm', share_ja: 0.5, n_responding: 4, n_units: 5, answer: null, share_ja_published: null },
    ]);
  });
  it('unit_without_answers expects a level only where the year\'s files have it: the city\'s nämnder valid on the measure date, kommuner only with a national file', async () => {
    db = await openTestDb(dir);
    // 2024, the city's own file: its stadsdelsnämnder answer, no kommun does.
    await load('oj', `
      2024;Farsta;evakuering;sabo;Ja
      2024;Bromma;evakuering;sabo;Nej`);
    const missing2024 = await q<{ unit_id: string; kind: string }>('select unit_id, kind from unit_without_answers where year = 2024 order by unit_id');
    const ids = missing2024.map((r) => r.unit_id);
    // The city's eleven stadsdelsnämnder valid on 2024's measure date, less the two that answered: Järva and
    // Norra innerstaden (valid from 2023-07-01), not Rinkeby-Kista or the others merged away before it.
    expect(ids).toEqual(['enskede-arsta-vantor', 'hagersten-alvsjo', 'hasselby-vallingby', 'jarva', 'kungsholmen', 'norra-innerstaden', 'skarholmen', 'skarpnack', 'sodermalm']);
    expect(ids).toContain('jarva'); // valid from 2023-07-01, before 2024's measure date
    expect(ids).not.toContain('rinkeby-kista'); // merged away before it
    expect(ids).not.toContain('farsta');
    expect(new Set(missing2024.map((r) => r.kind))).toEqual(new Set(['stadsdelsnamnd'])); // no kommun, no Göteborg nämnd, no bolag
    // 2023 with one kommun's answer: every other kommun is expected that year, Stockholm is not missing.
    await load('oj', '2023;Stockholm;evakuering;sabo;Ja');
    const missing2023 = await q<{ unit_id: string; kind: string }>("select unit_id, kind from unit_without_answers where year = 2023");
    // The 290 kommuner of org/kommuner.csv but Stockholm.
    expect(missing2023.filter((r) => r.kind === 'kommun')).toHaveLength(289);
    expect(missing2023.map((r) => r.unit_id)).not.toContain('stockholm');
    expect(missing2023.filter((r) => r.kind !== 'kommun')).toEqual([]);
  });
});
