// SKR's kommungruppsindelning by edition, on the fixture city: its own two editions (org/kommungrupp_*.csv)
// move Grannby from A1 to B3 and rename A1 from 2024, so every comparison with a kommungrupp must switch
// list and name at 2024. Tiny ÖJ CSVs through the real importer into a real DuckDB; expected figures by hand.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { InputError } from '../text/problems.ts';
import { importOj } from '../oj/importOj.ts';
import { cityConfigDir, configError, openInitialisedDb, tempDir, writeText } from '../test/helpers.ts';
import { runViewChecks } from './viewChecks.ts';

describe('kommungrupper by edition (fixture city)', () => {
  const dir = tempDir();
  let db: Database;
  let fileNo = 0;
  afterEach(() => db?.close());

  const oj = (lines: string[]) => writeText(join(dir, `oj-${++fileNo}.csv`), `ar;enhet;indikator;verksamhet;svar\n${lines.join('\n')}\n`);
  const q = (sql: string) => db.all(sql);

  it('pools, names and checks a kommungrupp by the edition in force each year, and does not carry a position across a regrouping', async () => {
    db = await openInitialisedDb(join(dir, 'city.duckdb'), cityConfigDir);
    // 2023 (edition "gammal"): A1 is Exempelstad and Grannby, "Storstäder". 2024 ("ny"): A1 is Exempelstad
    // alone, "Exempelstäder"; Grannby is B3. Each file publishes A1's share under that year's name.
    await importOj(db, [oj([
      '2023;Norr;evakuering;sabo;Ja', '2023;Syd;evakuering;sabo;Nej',
      '2023;Exempelstad;evakuering;sabo;Nej', '2023;Grannby;evakuering;sabo;Ja',
      '2023;Storstäder;evakuering;sabo;50',
      '2024;Norr;evakuering;sabo;Ja', '2024;Syd;evakuering;sabo;Ja',
      '2024;Exempelstad;evakuering;sabo;Nej', '2024;Grannby;evakuering;sabo;Ja',
      '2024;Exempelstäder;evakuering;sabo;0',
    ])]);

    expect(await q(`select year, role, unit_id, unit_name, compared_unit, kommungrupp_edition, share_ja, n_units, share_ja_published
      from oj_comparison where indicator_id = 'evakuering_sabo' order by year, role, unit_id`)).toEqual([
      { year: 2023, role: 'jamforelse', unit_id: 'kommungrupp-a1', unit_name: 'Storstäder', compared_unit: 'kommuner', kommungrupp_edition: 'gammal', share_ja: 0.5, n_units: 2, share_ja_published: 0.5 },
      { year: 2023, role: 'jamforelse', unit_id: 'riket', unit_name: 'Riket', compared_unit: 'kommuner', kommungrupp_edition: null, share_ja: 0.5, n_units: 2, share_ja_published: null },
      { year: 2023, role: 'kommun', unit_id: 'exempelstad', unit_name: 'Exempelstad', compared_unit: 'kommun', kommungrupp_edition: null, share_ja: 0, n_units: 1, share_ja_published: null },
      { year: 2023, role: 'stadsdelsnamnder', unit_id: 'exempelstad', unit_name: 'Exempelstad', compared_unit: 'stadsdelsnamnder', kommungrupp_edition: null, share_ja: 0.5, n_units: 2, share_ja_published: null },
      { year: 2024, role: 'jamforelse', unit_id: 'kommungrupp-a1', unit_name: 'Exempelstäder', compared_unit: 'kommuner', kommungrupp_edition: 'ny', share_ja: 0, n_units: 1, share_ja_published: 0 },
      { year: 2024, role: 'jamforelse', unit_id: 'riket', unit_name: 'Riket', compared_unit: 'kommuner', kommungrupp_edition: null, share_ja: 0.5, n_units: 2, share_ja_published: null },
      { year: 2024, role: 'kommun', unit_id: 'exempelstad', unit_name: 'Exempelstad', compared_unit: 'kommun', kommungrupp_edition: null, share_ja: 0, n_units: 1, share_ja_published: null },
      { year: 2024, role: 'stadsdelsnamnder', unit_id: 'exempelstad', unit_name: 'Exempelstad', compared_unit: 'stadsdelsnamnder', kommungrupp_edition: null, share_ja: 1, n_units: 2, share_ja_published: null },
    ]);

    // Riket keeps its kommuner, so its position carries over (lika → over); A1 lost Grannby, so its 2023
    // position is no "year before" for 2024.
    expect(await q(`select year, comparator_id, comparator_name, comparator_unit, kommungrupp_edition, city_share, share_ja, position, regrouped, previous_position, changed
      from dash_comparison_position where indicator_id = 'evakuering_sabo' order by comparator_id, year`)).toEqual([
      { year: 2023, comparator_id: 'kommungrupp-a1', comparator_name: 'Storstäder', comparator_unit: 'kommuner', kommungrupp_edition: 'gammal', city_share: 0.5, share_ja: 0.5, position: 'lika', regrouped: false, previous_position: null, changed: false },
      { year: 2024, comparator_id: 'kommungrupp-a1', comparator_name: 'Exempelstäder', comparator_unit: 'kommuner', kommungrupp_edition: 'ny', city_share: 1, share_ja: 0, position: 'over', regrouped: true, previous_position: null, changed: false },
      { year: 2023, comparator_id: 'riket', comparator_name: 'Riket', comparator_unit: 'kommuner', kommungrupp_edition: null, city_share: 0.5, share_ja: 0.5, position: 'lika', regrouped: false, previous_position: null, changed: false },
      { year: 2024, comparator_id: 'riket', comparator_name: 'Riket', comparator_unit: 'kommuner', kommungrupp_edition: null, city_share: 1, share_ja: 0.5, position: 'over', regrouped: false, previous_position: 'lika', changed: true },
      { year: 2023, comparator_id: 'skr-A1', comparator_name: 'Storstäder', comparator_unit: 'kommuner', kommungrupp_edition: 'gammal', city_share: 0.5, share_ja: 0.5, position: 'lika', regrouped: false, previous_position: null, changed: false },
      { year: 2024, comparator_id: 'skr-A1', comparator_name: 'Exempelstäder', comparator_unit: 'kommuner', kommungrupp_edition: 'ny', city_share: 1, share_ja: 0, position: 'over', regrouped: true, previous_position: null, changed: false },
      { year: 2024, comparator_id: 'skr-B3', comparator_name: 'Större stad', comparator_unit: 'kommuner', kommungrupp_edition: 'ny', city_share: 1, share_ja: 1, position: 'lika', regrouped: false, previous_position: null, changed: false },
    ]);

    // The published A1 share is recomputed from that year's A1: 50 % of two kommuner, then 0 % of one.
    expect(await q(`select year, unit_id, kommungrupp_edition, share_published, share_recomputed, n_members, ok
      from fidelity where level = 'kommungrupp' order by year`)).toEqual([
      { year: 2023, unit_id: 'kommungrupp-a1', kommungrupp_edition: 'gammal', share_published: 0.5, share_recomputed: 0.5, n_members: 2, ok: true },
      { year: 2024, unit_id: 'kommungrupp-a1', kommungrupp_edition: 'ny', share_published: 0, share_recomputed: 0, n_members: 1, ok: true },
    ]);

    expect(await q(`select edition, first_year, last_year, unit_id, comparator_id, group_name from dash_comparison_kommun order by unit_id, first_year`)).toEqual([
      { edition: 'gammal', first_year: 2016, last_year: 2023, unit_id: 'exempelstad', comparator_id: 'skr-A1', group_name: 'Storstäder' },
      { edition: 'ny', first_year: 2024, last_year: null, unit_id: 'exempelstad', comparator_id: 'skr-A1', group_name: 'Exempelstäder' },
      { edition: 'gammal', first_year: 2016, last_year: 2023, unit_id: 'grannby', comparator_id: 'skr-A1', group_name: 'Storstäder' },
      { edition: 'ny', first_year: 2024, last_year: null, unit_id: 'grannby', comparator_id: 'skr-B3', group_name: 'Större stad' },
    ]);
    // The views' own data tests (src/sql/tests/kommungrupper.sql among them) hold on this data too.
    expect(await runViewChecks(db)).toEqual([]);
  });

  it("refuses a kommungrupp row under a name its edition does not use that year, and says the year's name", async () => {
    db = await openInitialisedDb(join(dir, 'city.duckdb'), cityConfigDir);
    const error = await importOj(db, [oj(['2024;Exempelstad;evakuering;sabo;Nej', '2024;Storstäder;evakuering;sabo;0'])]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([expect.objectContaining({
      found: 'Storstäder', message: expect.stringContaining('heter enheten Exempelstäder'), suggestions: ['Exempelstäder'],
    })]);
  });

  it('refuses editions from the same year, ÖJ years before the earliest, unknown editions, kommun codes and groups, a kommun left out and the old one-group column, naming file, row and column', () => {
    const bad = join(dir, 'bad');
    cpSync(cityConfigDir, bad, { recursive: true });
    const edit = (file: string, change: (text: string) => string) => writeFileSync(join(bad, file), change(readFileSync(join(bad, file), 'utf8')));
    edit('org/kommungrupp_editions.csv', (t) => t.replace('gammal,2016,', 'gammal,2018,') + 'extra,2024,Ännu en,\n');
    edit('org/kommungrupper.csv', (t) => `${t}nyy,C9,kommungrupp-c9,Landsbygd\nny,B4,kommungrupp-b3,Pendling\n`);
    // The format of before editions: a kommun's one group in org/kommuner.csv.
    edit('org/kommuner.csv', (t) => t.replace('lan_code\n', 'lan_code,skr_group\n').replace('Exempelstad,99\n', 'Exempelstad,99,A1\n'));
    edit('org/kommungrupp_members.csv', (t) => t.replace('ny,9998,Grannby,B3', 'ny,9998,Grannby,B4') + 'gammal,9997,Ingenby,A1\nny,9999,Exempelby,A1\n');
    const problems = configError(bad).problems;
    const expected = [
      { file: 'org/kommungrupp_editions.csv', row: 6, column: 'first_year', found: '2024', message: expect.stringContaining('indelning ny (rad 5) gäller redan från samma ÖJ-år') },
      { file: 'org/kommungrupp_editions.csv', row: 4, column: 'first_year', found: '2018', message: expect.stringContaining('ÖJ-åren 2016–2017 (indicators.csv) har ingen kommungruppsindelning') },
      { file: 'org/kommungrupper.csv', row: 5, column: 'edition', found: 'nyy', suggestions: expect.arrayContaining(['ny']) },
      { file: 'org/kommungrupper.csv', row: 6, column: 'unit_id', found: 'kommungrupp-b3', message: 'enheten är redan grupp B3' },
      { file: 'org/kommungrupp_members.csv', row: 5, column: 'skr_group', found: 'B4', message: 'kommungruppen finns inte i indelning ny (org/kommungrupper.csv)', suggestions: expect.arrayContaining(['B3']) },
      { file: 'org/kommungrupp_members.csv', row: 6, column: 'kommun_code', found: '9997', message: expect.stringContaining('okänd kommunkod') },
      { file: 'org/kommungrupp_members.csv', row: 7, column: 'kommun', found: 'Exempelby', message: 'kommunkoden 9999 är Exempelstad i org/kommuner.csv' },
      // 9999 is Exempelstad's code, which has its group in ny already.
      { file: 'org/kommungrupp_members.csv', row: 7, column: 'kommun_code', found: '9999', message: 'kommunen har redan en grupp i indelning ny (rad 4)' },
      { file: 'org/kommuner.csv', row: 2, column: 'skr_group', message: expect.stringContaining('numera per indelning i org/kommungrupp_members.csv') },
      { file: 'org/kommungrupp_members.csv', column: 'kommun_code', found: '9998 Grannby', message: expect.stringContaining('indelning ny saknar 1 av kommunerna') },
    ];
    for (const p of expected) expect(problems).toContainEqual(expect.objectContaining(p));
    // Each once, and nothing besides.
    expect(problems).toHaveLength(expected.length);
  });
});
