// Stadsledning's and Jämförelse's marts against their header comments: tiny hand-made ÖJ,
// self-assessment and judgement CSVs imported through the real importers into a real DuckDB; every
// expected number worked out by hand from the header's rules.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { openTestDb, tempDir, writeText } from '../test/helpers.ts';

const headers = {
  oj: 'ar;enhet;indikator;verksamhet;svar',
  self: 'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast',
  judgement: 'Nämnd/bolag;Verksamhetsår;Rapport;Mål;Måluppfyllelse;Motivering',
};

describe('Stadsledning and Jämförelse marts', () => {
  const dir = tempDir();
  let db: Database;
  let fileNo = 0;
  afterEach(() => db?.close());

  async function load(kind: keyof typeof headers, lines: string) {
    // Rows typed without their empty trailing fields get them: every CSV row has as many fields as its header.
    const width = headers[kind].split(';').length;
    const body = lines.trim().split('\n').map((l) => l.trim() + ';'.repeat(Math.max(0, width - l.trim().split(';').length))).join('\n');
    const file = writeText(join(dir, `${kind}-${++fileNo}.csv`), `${headers[kind]}\n${body}\n`);
    const importer = { oj: importOj, self: importSelfAssessment, judgement: importJudgement }[kind];
    await importer(db, [file]);
  }

  it('dash_comparison_position: the pooled city over, equal to or under each group, the SKR kommungrupp pooled from its kommuner, and a change of position since last year', async () => {
    db = await openTestDb(dir);
    // 2023 sabo: the city 0 % (two Nej) against riket 50 % (Upplands Väsby Ja, Vallentuna Nej): under.
    // 2024 sabo: the city 100 % against riket 50 %: over, changed. 2024 hemtjänst: 50 % against 50 %: lika.
    await load('oj', `
      2023;Farsta;evakuering;sabo;Nej
      2023;Bromma;evakuering;sabo;Nej
      2023;Upplands Väsby;evakuering;sabo;Ja
      2023;Vallentuna;evakuering;sabo;Nej
      2024;Farsta;evakuering;sabo;Ja
      2024;Bromma;evakuering;sabo;Ja
      2024;Upplands Väsby;evakuering;sabo;Ja
      2024;Vallentuna;evakuering;sabo;Nej
      2024;Farsta;evakuering;hemtjanst;Ja
      2024;Bromma;evakuering;hemtjanst;Nej
      2024;Upplands Väsby;evakuering;hemtjanst;Ja
      2024;Vallentuna;evakuering;hemtjanst;Ej svar
      2024;Malmö;evakuering;hemtjanst;Nej`);
    expect(await db.all(`select year, indicator_id, comparator_id, is_single_kommun, city_share, share_ja, diff_pp, position, previous_position, changed
      from dash_comparison_position where comparator_id in ('riket', 'skr-A2', 'malmo') order by comparator_id, year, indicator_id`)).toEqual([
      { year: 2024, indicator_id: 'evakuering_hemtjanst', comparator_id: 'malmo', is_single_kommun: true, city_share: 0.5, share_ja: 0, diff_pp: 50, position: 'over', previous_position: null, changed: false },
      { year: 2023, indicator_id: 'evakuering_sabo', comparator_id: 'riket', is_single_kommun: false, city_share: 0, share_ja: 0.5, diff_pp: -50, position: 'under', previous_position: null, changed: false },
      // riket hemtjänst 2024: Upplands Väsby Ja, Malmö Nej (Vallentuna did not respond) = 50 %.
      { year: 2024, indicator_id: 'evakuering_hemtjanst', comparator_id: 'riket', is_single_kommun: false, city_share: 0.5, share_ja: 0.5, diff_pp: 0, position: 'lika', previous_position: null, changed: false },
      { year: 2024, indicator_id: 'evakuering_sabo', comparator_id: 'riket', is_single_kommun: false, city_share: 1, share_ja: 0.5, diff_pp: 50, position: 'over', previous_position: 'under', changed: true },
      // SKR group A2 (both Stockholms län kommuner here): Malmö is not in it.
      { year: 2023, indicator_id: 'evakuering_sabo', comparator_id: 'skr-A2', is_single_kommun: false, city_share: 0, share_ja: 0.5, diff_pp: -50, position: 'under', previous_position: null, changed: false },
      { year: 2024, indicator_id: 'evakuering_hemtjanst', comparator_id: 'skr-A2', is_single_kommun: false, city_share: 0.5, share_ja: 1, diff_pp: -50, position: 'under', previous_position: null, changed: false },
      { year: 2024, indicator_id: 'evakuering_sabo', comparator_id: 'skr-A2', is_single_kommun: false, city_share: 1, share_ja: 0.5, diff_pp: 50, position: 'over', previous_position: 'under', changed: true },
    ]);
    expect(await db.all(`select n_cells, n_over, n_lika, n_under, n_not_compared, n_changed from dash_comparison_position_count where year = 2024 and comparator_id = 'riket'`))
      .toEqual([{ n_cells: 2, n_over: 1, n_lika: 1, n_under: 0, n_not_compared: 0, n_changed: 1 }]);
    // One row per edition of SKR's kommungruppsindelning: Enköping moved from B5 to B4 in 2023.
    expect(await db.all(`select edition, first_year, last_year, unit_id, comparator_id, group_name from dash_comparison_kommun
      where unit_id in ('enkoping', 'malmo') order by unit_id, first_year`)).toEqual([
      { edition: '2017', first_year: 2016, last_year: 2022, unit_id: 'enkoping', comparator_id: 'skr-B5', group_name: 'Lågpendlingskommun nära större stad' },
      { edition: '2023', first_year: 2023, last_year: null, unit_id: 'enkoping', comparator_id: 'skr-B4', group_name: 'Pendlingskommun nära större stad' },
      { edition: '2017', first_year: 2016, last_year: 2022, unit_id: 'malmo', comparator_id: 'skr-A1', group_name: 'Storstäder' },
      { edition: '2023', first_year: 2023, last_year: null, unit_id: 'malmo', comparator_id: 'skr-A1', group_name: 'Storstäder' },
    ]);
  });

  it("SKR's 2017 kommungrupper for ÖJ 2022 and its 2023 ones for 2023: Enköping joins B4, Höör leaves it for C7, renamed, and each published group share is checked against that year's kommuner", async () => {
    db = await openTestDb(dir);
    await load('oj', `
      2022;Farsta;evakuering;sabo;Ja
      2022;Bromma;evakuering;sabo;Nej
      2022;Enköping;evakuering;sabo;Ja
      2022;Höör;evakuering;sabo;Nej
      2022;Pendlingskommun nära mindre stad/tätort;evakuering;sabo;50
      2023;Farsta;evakuering;sabo;Ja
      2023;Bromma;evakuering;sabo;Nej
      2023;Enköping;evakuering;sabo;Ja
      2023;Höör;evakuering;sabo;Nej
      2023;Pendlingskommun nära mindre tätort;evakuering;sabo;40`);
    expect(await db.all(`select year, comparator_id, comparator_name, kommungrupp_edition, n_units, share_ja, regrouped, previous_position
      from dash_comparison_position where comparator_id in ('skr-B4', 'skr-B5', 'skr-C7') order by comparator_id, year`)).toEqual([
      { year: 2022, comparator_id: 'skr-B4', comparator_name: 'Pendlingskommun nära större stad', kommungrupp_edition: '2017', n_units: 1, share_ja: 0, regrouped: false, previous_position: null },
      { year: 2023, comparator_id: 'skr-B4', comparator_name: 'Pendlingskommun nära större stad', kommungrupp_edition: '2023', n_units: 1, share_ja: 1, regrouped: true, previous_position: null },
      { year: 2022, comparator_id: 'skr-B5', comparator_name: 'Lågpendlingskommun nära större stad', kommungrupp_edition: '2017', n_units: 1, share_ja: 1, regrouped: false, previous_position: null },
      { year: 2023, comparator_id: 'skr-C7', comparator_name: 'Pendlingskommun nära mindre tätort', kommungrupp_edition: '2023', n_units: 1, share_ja: 0, regrouped: false, previous_position: null },
    ]);
    // Each name is C7's in its own year; the group has 52 kommuner in 2017's list and 51 in 2023's.
    expect(await db.all(`select year, unit_id, kommungrupp_edition, n_members, share_published from fidelity order by year`)).toEqual([
      { year: 2022, unit_id: 'kommungrupp-c7', kommungrupp_edition: '2017', n_members: 52, share_published: 0.5 },
      { year: 2023, unit_id: 'kommungrupp-c7', kommungrupp_edition: '2023', n_members: 51, share_published: 0.4 },
    ]);
  });

  it('dash_leadership_*: both måluppfyllelse figures apart with last year only where it has data, who has not reported for the current period, and the requirements most often unmet', async () => {
    db = await openTestDb(dir);
    await load('self', `
      2024;VB;Farsta;B01;Uppfyllt
      2024;VB;Farsta;B08;Ej uppfyllt
      2024;VB;Bromma;B08;Delvis
      2025;T1;Farsta;B08;Ej uppfyllt`);
    await load('judgement', `
      Farsta;2025;T1;Beredskap;helt;Enligt plan`);

    const reporting = await db.all<{ unit_id: string; year: number; period: string; reported: boolean; last_year: number | null; last_period: string | null; n_expected: number; n_reported: number }>(
      `select unit_id, year, period, reported, last_year, last_period, n_expected, n_reported from dash_leadership_reporting where unit_group = 'namnd' order by unit_id`);
    // The nämnder in force in 2024 and 2025: 11 stadsdelsnämnder, 16 facknämnder and kommunstyrelsen.
    const namnder2025 = 28;
    expect(reporting).toHaveLength(namnder2025);
    expect(reporting.find((r) => r.unit_id === 'farsta')).toEqual({ unit_id: 'farsta', year: 2025, period: 'T1', reported: true, last_year: 2024, last_period: 'VB', n_expected: namnder2025, n_reported: 1 });
    expect(reporting.find((r) => r.unit_id === 'bromma')).toMatchObject({ reported: false, last_year: 2024, last_period: 'VB' });
    expect(reporting.find((r) => r.unit_id === 'valnamnden')).toMatchObject({ reported: false, last_year: null });

    expect(await db.all(`select requirement_id, n_units, n_met, n_unmet, n_partial, n_not_met, n_unanswered, rank_unmet from dash_leadership_requirement
      where profile = 'internal' and year = 2024 and unit_group = 'namnd' and requirement_id in ('B01', 'B08') order by requirement_id`)).toEqual([
      // Bromma left B01 out of its report: unanswered, so not met. The 21 other requirements of a
      // stadsdelsnämnd in 2024 are unmet by both (B08 as reported, the rest left out): tied first, B01 22nd.
      { requirement_id: 'B01', n_units: 2, n_met: 1, n_unmet: 1, n_partial: 0, n_not_met: 0, n_unanswered: 1, rank_unmet: 22 },
      { requirement_id: 'B08', n_units: 2, n_met: 0, n_unmet: 2, n_partial: 1, n_not_met: 1, n_unanswered: 0, rank_unmet: 1 },
    ]);

    const attainment = await db.all<{ year: number; measure: string; n_units: number; n_helt: number; n_none: number; has_data: boolean; previous_year: number | null }>(
      `select year, measure, n_units, n_helt, n_none, has_data, previous_year from dash_leadership_attainment
       where profile = 'internal' and unit_group = 'namnd' and goal = 'beredskap' order by measure, year`);
    expect(attainment).toEqual([
      // Nämndens bedömning: only Farsta judged, 2025 only; no 2024 row, so no previous year.
      { year: 2025, measure: 'bedomning', n_units: namnder2025, n_helt: 1, n_none: namnder2025 - 1, has_data: true, previous_year: null },
      // Beräknad: Farsta and Bromma graded in 2024 (both ej on beredskap's B01/B08 share), Farsta in 2025.
      { year: 2024, measure: 'beraknad', n_units: 28, n_helt: 0, n_none: 26, has_data: true, previous_year: null },
      { year: 2025, measure: 'beraknad', n_units: namnder2025, n_helt: 0, n_none: namnder2025 - 1, has_data: true, previous_year: 2024 },
    ]);
    // No bolag were judged or graded: their rows say so and are never mixed into the nämnder's.
    expect(await db.all(`select distinct has_data from dash_leadership_attainment where profile = 'internal' and unit_group = 'bolag'`)).toEqual([{ has_data: false }]);
  });
});
