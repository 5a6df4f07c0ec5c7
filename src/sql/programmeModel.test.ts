// The city as the säkerhetsprogram describes it (issue 12), on a fixture city of its own
// (src/test/fixtures/city): bolag, requirement applicability, ÖJ cell owners, programme versions with a
// year between them, each fact counted once in the combined basis, and nämndens bedömning beside the
// share we compute. Every expected figure is worked out by hand from the fixture and the views' headers.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { main } from '../cli/main.ts';
import { InputError } from '../text/problems.ts';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { cityConfigDir as fixture, configError, openInitialisedDb, tempDir, writeText, writeXlsx } from '../test/helpers.ts';
import { Catalog } from '../config/catalog.ts';
import { validateSelfAssessment } from '../self/validateSelfAssessment.ts';
import { readDelimited } from '../text/readDelimited.ts';
import { workbookGrids } from '../text/readWorkbook.ts';
import { runViewChecks } from './viewChecks.ts';

describe('the programme model on a fixture city', () => {
  const dir = tempDir();
  let db: Database;
  let fileNo = 0;
  afterEach(() => db?.close());

  async function open(configDir = fixture): Promise<Database> {
    db = await openInitialisedDb(join(dir, `city-${++fileNo}.duckdb`), configDir);
    return db;
  }
  // tempDir() removes the directory after each test; a test may write a file before opening a database.
  const csv = (name: string, lines: string[]) => {
    mkdirSync(dir, { recursive: true });
    return writeText(join(dir, `${++fileNo}-${name}`), `${lines.join('\n')}\n`);
  };
  const q = <T = Record<string, unknown>>(sql: string) => db.all<T>(sql);

  /** Norr 2020: ÖJ upphandling sabo Ja, hemtjänst Nej, evakuering sabo Ja; self N1, N2 uppfyllt, N3 delvis, N4 uppfyllt. */
  async function loadNorr2020() {
    await importOj(db, [csv('oj.csv', [
      'ar;enhet;indikator;verksamhet;svar',
      '2020;Norr;upphandling;sabo;Ja',
      '2020;Norr;upphandling;hemtjanst;Nej',
      '2020;Norr;evakuering;sabo;Ja',
      '2018;Norr;evakuering;sabo;Ja',
    ])]);
    await importSelfAssessment(db, [csv('self.csv', [
      'År;Period;Nämnd;Krav;Status',
      '2020;VB;Norr;N1;Uppfyllt',
      '2020;VB;Norr;N2;Uppfyllt',
      '2020;VB;Norr;N3;Delvis',
      '2020;VB;Norr;N4;Uppfyllt',
    ])]);
  }

  it('requirement_applicability: by kind, by unit, excluded by unit (also with no including row); bolag through their parent company; no requirement in a year without a programme', async () => {
    await open();
    const rows = await q<{ unit_id: string; r: string }>(
      `select unit_id, string_agg(requirement_id, ',' order by requirement_id) as r from requirement_applicability where year = 2020 group by 1 order by 1`);
    expect(rows).toEqual([
      // bostader-ab's parent is a bolag, whose parent is the kommun; grannbo-ab belongs to another kommun
      { unit_id: 'bostader-ab', r: 'N1,N3,N4' },
      // N4 has only an excluding row: every unit but koncern-ab
      { unit_id: 'koncern-ab', r: 'N1,N3' },
      { unit_id: 'norr', r: 'N1,N2,N3,N4' },
      { unit_id: 'socialn', r: 'N1,N2,N3,N4,N5' },
      { unit_id: 'syd', r: 'N1,N2,N3,N4' },
      // trafikn: N2 and N5 are for others, N3 excludes it by name
      { unit_id: 'trafikn', r: 'N1,N4' },
    ]);
    expect(await q('select count(*)::int as n from requirement_applicability where year = 2018')).toEqual([{ n: 0 }]);
    expect(await q(`select unit_group, count(*)::int as n from stg_org_namnd group by 1 order by 1`)).toEqual([
      { unit_group: 'bolag', n: 2 }, { unit_group: 'namnd', n: 4 },
    ]);
  });

  it('readiness combined counts a requirement and its mapped ÖJ cells as one item; a requirement outside every fokusområde stays out', async () => {
    await open();
    await loadNorr2020();
    const cols = 'basis, n_items, n_met, n_not_met, n_partial, n_oj_merged, n_applicable, share_met';
    expect(await q(`select ${cols}, n_disagree from readiness where year = 2020 and unit_id = 'norr' and fokusomrade = 'beredskap' order by basis`)).toEqual([
      // Norr is responsible for upphandling hemtjänst (shared with the socialnämnd), not for SÄBO's (the
      // socialnämnd's alone): its ÖJ basis is that one Nej. N1 met; N2 uppfyllt in the VB (31 December)
      // holds the hemtjänst cell (Nej on 1 February): one item, and the later report decides – met,
      // with the sources flagged as disagreeing. Not 1 + 1 + 1.
      { basis: 'combined', n_items: 2, n_met: 2, n_not_met: 0, n_partial: 0, n_oj_merged: 1, n_applicable: 2, share_met: 1, n_disagree: 1 },
      { basis: 'oj', n_items: 1, n_met: 0, n_not_met: 1, n_partial: 0, n_oj_merged: 0, n_applicable: 1, share_met: 0, n_disagree: 0 },
      { basis: 'self', n_items: 2, n_met: 2, n_not_met: 0, n_partial: 0, n_oj_merged: 0, n_applicable: 2, share_met: 1, n_disagree: 0 },
    ]);
    // The socialnämnd answers no survey, but both upphandling cells count for it: one Ja, one Nej.
    expect(await q(`select basis, n_items, n_met, share_met from readiness where year = 2020 and unit_id = 'socialn' and fokusomrade = 'beredskap' order by basis`)).toEqual([
      { basis: 'combined', n_items: 2, n_met: 1, share_met: 0.5 },
      { basis: 'oj', n_items: 2, n_met: 1, share_met: 0.5 },
    ]);
    // Pooled over the nämnder, the shared Nej is one answer, counted once: Ja, Nej.
    expect(await q(`select n_items, n_met from readiness_city where year = 2020 and fokusomrade = 'beredskap' and basis = 'oj' and unit_group = 'namnd'`)).toEqual([
      { n_items: 2, n_met: 1 },
    ]);
    // N4 (general informationssäkerhet, fokusomrade "-") is in no fokusområde: säkerhetsskydd is N3 alone.
    expect(await q(`select n_items, n_partial, share_met, publish_in_public from readiness where year = 2020 and unit_id = 'norr' and fokusomrade = 'sakerhetsskydd' and basis = 'self'`)).toEqual([
      { n_items: 1, n_partial: 1, share_met: 0, publish_in_public: false },
    ]);
    // Pooled over the nämnder, säkerhetsskydd is still one nämnd's figure – Norr's alone: not public (fewer
    // than three units have data in it); beredskap is public whatever the pool.
    expect(await q(`select fokusomrade, n_namnder_with_data, publish_in_public from readiness_city where year = 2020 and fokusomrade in ('beredskap', 'sakerhetsskydd') and basis = 'self' and unit_group = 'namnd' order by fokusomrade`)).toEqual([
      { fokusomrade: 'beredskap', n_namnder_with_data: 1, publish_in_public: true },
      { fokusomrade: 'sakerhetsskydd', n_namnder_with_data: 1, publish_in_public: false },
    ]);
  });

  it('readiness_programme_area: a year in its own programme areas with the mapping alongside', async () => {
    await open();
    await loadNorr2020();
    await importSelfAssessment(db, [csv('old.csv', ['År;Period;Nämnd;Krav;Status', '2016;VB;Norr;A1;Uppfyllt', '2016;VB;Norr;A2;Ej uppfyllt'])]);
    expect(await q(`select year, programme_version, programme_area, fokusomrade, mapped_fokusomraden, n_items, n_met, share_met from readiness_programme_area where unit_id = 'norr' order by year, programme_area`)).toEqual([
      { year: 2016, programme_version: 'prog_gamla', programme_area: 'individ', fokusomrade: null, mapped_fokusomraden: '-', n_items: 1, n_met: 0, share_met: 0 },
      { year: 2016, programme_version: 'prog_gamla', programme_area: 'verksamhet', fokusomrade: 'beredskap', mapped_fokusomraden: 'beredskap', n_items: 1, n_met: 1, share_met: 1 },
      { year: 2020, programme_version: 'prog_nya', programme_area: 'beredskap', fokusomrade: 'beredskap', mapped_fokusomraden: 'beredskap', n_items: 2, n_met: 2, share_met: 1 },
      { year: 2020, programme_version: 'prog_nya', programme_area: 'sakerhetsskydd', fokusomrade: 'sakerhetsskydd', mapped_fokusomraden: '-,sakerhetsskydd', n_items: 2, n_met: 1, share_met: 0.5 },
    ]);
  });

  it('a year without a programme is shown and never graded; bolag are counted apart from nämnder', async () => {
    await open();
    await loadNorr2020();
    expect(await q(`select programme_version, share_met from readiness where year = 2018 and unit_id = 'norr' and basis = 'oj' and fokusomrade = 'olycksforebyggande'`)).toEqual([
      { programme_version: null, share_met: 1 },
    ]);
    expect(await q(`select distinct attainment, not_graded_reason from goal_attainment where year = 2018`)).toEqual([
      { attainment: null, not_graded_reason: 'inget_program' },
    ]);
    expect(await q(`select unit_group, n_units, n_helt, n_delvis, n_ej, n_inga_uppgifter from goal_attainment_city where profile = 'internal' and year = 2020 and fokusomrade = 'beredskap' order by unit_group`)).toEqual([
      { unit_group: 'bolag', n_units: 2, n_helt: 0, n_delvis: 0, n_ej: 0, n_inga_uppgifter: 2 },
      // norr: 1 (helt); socialn: 0.5 on the cells it is responsible for, more than 20 points below 0.9 (ej)
      { unit_group: 'namnd', n_units: 4, n_helt: 1, n_delvis: 0, n_ej: 1, n_inga_uppgifter: 2 },
    ]);
  });

  it('oj_cell_owner: a procurement cell shared by the socialnämnd and the answering unit, SÄBO\'s the socialnämnd\'s alone by the more specific rule, other cells the answering unit\'s', async () => {
    await open();
    await loadNorr2020();
    expect(await q(`select indicator_id, owner_unit_id, reason, by_rule, is_shared from oj_cell_owner where year = 2020 order by indicator_id, owner_unit_id`)).toEqual([
      { indicator_id: 'evakuering_sabo', owner_unit_id: 'norr', reason: 'Egen verksamhet', by_rule: false, is_shared: false },
      { indicator_id: 'upphandling_hemtjanst', owner_unit_id: 'norr', reason: 'Egna entreprenadupphandlingar', by_rule: true, is_shared: true },
      { indicator_id: 'upphandling_hemtjanst', owner_unit_id: 'socialn', reason: 'Ramavtal upphandlas av socialnämnden', by_rule: true, is_shared: true },
      { indicator_id: 'upphandling_sabo', owner_unit_id: 'socialn', reason: 'Valfrihetssystemet för särskilt boende förvaltas av socialnämnden', by_rule: true, is_shared: false },
    ]);
    // The Nej is one gap with two responsible nämnder: on both lists, marked shared; Norr's own list
    // does not show it again as someone else's.
    expect(await q(`select unit_id, owner_unit_id, is_shared from oj_gap where year = 2020 order by owner_unit_id`)).toEqual([
      { unit_id: 'norr', owner_unit_id: 'norr', is_shared: true },
      { unit_id: 'norr', owner_unit_id: 'socialn', is_shared: true },
    ]);
    expect(await q(`select unit_id, role, shared_with from dash_namnd_oj_gap where year = 2020 order by unit_id`)).toEqual([
      { unit_id: 'norr', role: 'egen', shared_with: 'Socialnämnden' },
      { unit_id: 'socialn', role: 'ansvarar', shared_with: 'Norr' },
    ]);
    expect(await q(`select profile, unit_id, n_oj_answered, n_oj_responsible, n_oj_open, n_oj_open_shared from unit_year_count
                    where year = 2020 and unit_id in ('norr', 'socialn') order by unit_id, profile`)).toEqual([
      { profile: 'internal', unit_id: 'norr', n_oj_answered: 3, n_oj_responsible: 2, n_oj_open: 1, n_oj_open_shared: 1 },
      { profile: 'public', unit_id: 'norr', n_oj_answered: 3, n_oj_responsible: 2, n_oj_open: 1, n_oj_open_shared: 1 },
      { profile: 'internal', unit_id: 'socialn', n_oj_answered: 0, n_oj_responsible: 2, n_oj_open: 1, n_oj_open_shared: 1 },
      { profile: 'public', unit_id: 'socialn', n_oj_answered: 0, n_oj_responsible: 2, n_oj_open: 1, n_oj_open_shared: 1 },
    ]);
  });

  it('imports nämndens bedömning from a management-system export and sets it beside the computed share, flagging disagreement', async () => {
    await open();
    await loadNorr2020();
    // Another layout than the template's: other header words, other column order, a title row.
    const file = await writeXlsx(join(dir, 'ils-export.xlsx'), [{
      name: 'Export', rows: [
        ['Uppföljning av mål, verksamhetsberättelse 2020'],
        ['Motivering', 'Måluppfyllelse', 'Mål', 'Nämnd/bolag', 'Rapport', 'Verksamhetsår'],
        ['Planer finns', 'Uppfyllt helt', 'Beredskap', 'Norrs stadsdelsnämnd', 'Verksamhetsberättelse', 2020],
        ['Arbete pågår', 'delvis', 'Exempelstad är trygg och säker', 'Norr', 'VB', 2020],
        [null, 'Uppfylls delvis', 'beredskap', 'Exempelbostäder AB', 'VB', 2020],
        [null, null, 'Säkerhetsskydd', 'Syd', 'VB', 2020],
      ],
    }]);
    const [report] = await importJudgement(db, [file]);
    expect(report).toMatchObject({ status: 'imported', rowsRead: 4, rowsStored: 3 });
    expect(await q(`select unit_id, goal, judgement, motivering, source_row from unit_judgement order by unit_id, goal`)).toEqual([
      { unit_id: 'bostader-ab', goal: 'beredskap', judgement: 'delvis', motivering: null, source_row: 5 },
      { unit_id: 'norr', goal: 'beredskap', judgement: 'helt', motivering: 'Planer finns', source_row: 3 },
      { unit_id: 'norr', goal: 'samtliga', judgement: 'delvis', motivering: 'Arbete pågår', source_row: 4 },
    ]);
    expect(await q(`select unit_id, goal, namndens_bedomning, beraknad_andel_uppfyllt, n_applicable, beraknad_maluppfyllelse, difference from judgement_comparison order by unit_id, goal`)).toEqual([
      { unit_id: 'bostader-ab', goal: 'beredskap', namndens_bedomning: 'delvis', beraknad_andel_uppfyllt: null, n_applicable: 0, beraknad_maluppfyllelse: null, difference: null },
      // norr says helt; it meets 2 of 2 items (combined): helt by the target too
      { unit_id: 'norr', goal: 'beredskap', namndens_bedomning: 'helt', beraknad_andel_uppfyllt: 1, n_applicable: 2, beraknad_maluppfyllelse: 'helt', difference: 'samma' },
      // all fokusområden pooled: 2 + 1 + 0 met of 2 + 1 + 1 applicable; worst grade ej (säkerhetsskydd)
      { unit_id: 'norr', goal: 'samtliga', namndens_bedomning: 'delvis', beraknad_andel_uppfyllt: 0.75, n_applicable: 4, beraknad_maluppfyllelse: 'ej', difference: 'bedomning_hogre' },
    ]);
    expect(await q(`select goal, requirement_id, finding, decided_by from consistency where finding is not null order by goal nulls first`)).toEqual([
      // N2: the VB's uppfyllt decides; ÖJ's Nej of February is flagged, not hidden
      { goal: null, requirement_id: 'N2', finding: 'sjalv_uppfyllt_oj_nej', decided_by: 'self' },
      { goal: 'samtliga', requirement_id: null, finding: 'bedomning_hogre', decided_by: null },
    ]);
    expect(await q(`select unit_group, n_units, n_helt, n_delvis, n_ej, n_utan_bedomning from judgement_city where year = 2020 and goal = 'beredskap' order by unit_group`)).toEqual([
      { unit_group: 'bolag', n_units: 2, n_helt: 0, n_delvis: 1, n_ej: 0, n_utan_bedomning: 1 },
      { unit_group: 'namnd', n_units: 4, n_helt: 1, n_delvis: 0, n_ej: 0, n_utan_bedomning: 3 },
    ]);
    expect(await runViewChecks(db)).toEqual([]);
    // The same file again changes nothing.
    expect((await importJudgement(db, [file]))[0]).toMatchObject({ status: 'unchanged' });
  });

  it('beredskap import judgement on the command line: a CSV export imports (exit 0), a bad one is refused (exit 1) and check lists nothing amiss', async () => {
    const dbPath = join(dir, 'cli.duckdb');
    const out: string[] = [];
    const good = csv('ils.csv', ['Enhet;År;Period;Mål;Bedömning;Motivering', 'Syd;2021;VB;Personsäkerhet;ej;Rutinen saknas']);
    const bad = csv('ils-bad.csv', ['Enhet;År;Period;Mål;Bedömning', 'Syd;2021;VB;Personsäkerhet;kanske']);
    const run = (...args: string[]) => main([...args, '--db', dbPath, '--config', fixture, '--quiet'], (line) => out.push(line));
    expect(await run('import', 'judgement', bad)).toBe(1);
    expect(await run('import', 'judgement', good)).toBe(0);
    expect(await run('import', 'judgement', good)).toBe(0);
    out.length = 0;
    expect(await run('check', '--json')).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ self_not_applicable: [], failed_view_checks: [] });
    db = await Database.open(dbPath);
    expect(await q('select unit_id, year, period, goal, judgement, motivering from unit_judgement')).toEqual([
      { unit_id: 'syd', year: 2021, period: 'VB', goal: 'personsakerhet', judgement: 'ej', motivering: 'Rutinen saknas' },
    ]);
    expect(await q(`select kind, file_name from source_file`)).toEqual([{ kind: 'unit_judgement', file_name: good.split('/').at(-1) }]);
  });

  it('a bad export names sheet, row and column with the closest names, and stores nothing', async () => {
    await open();
    const file = csv('bad.csv', [
      'År;Period;Enhet;Fokusområde;Bedömning;Motivering',
      '2020;VB;Norr;Beredskp;helt;',
      '2020;VB;Norr;Beredskap;helst;',
      '2020;VB;Grannby Bostäder AB;Beredskap;helt;',
    ]);
    const error = (await importJudgement(db, [file]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems).toMatchObject([
      { row: 2, column: '4 (Fokusområde)', found: 'Beredskp', suggestions: expect.arrayContaining(['Beredskap']) },
      { row: 3, column: '5 (Bedömning)', found: 'helst', suggestions: expect.arrayContaining(['helt']) },
      { row: 4, column: '3 (Enhet)', message: expect.stringContaining('varken en av organisationens nämnder eller bolag') },
    ]);
    expect(await q('select count(*)::int as n from unit_judgement')).toEqual([{ n: 0 }]);
  });

  it('a filled template carries nämndens bedömning on a sheet of its own, stored with the self-assessment', async () => {
    await open();
    const file = await writeXlsx(join(dir, 'norr.xlsx'), [
      { name: 'Självskattning', rows: [['År', 'Period', 'Nämnd', 'Krav', 'Status', 'Kommentar'], [2020, 'VB', 'Norr', 'N1', 'Uppfyllt', null]] },
      { name: 'Nämndens bedömning', rows: [['År', 'Period', 'Nämnd', 'Fokusområde', 'Nämndens bedömning', 'Motivering'], [2020, 'VB', 'Norr', 'Beredskap', 'Helt', 'Allt klart']] },
    ]);
    const [report] = await importSelfAssessment(db, [file]);
    expect(report).toMatchObject({ status: 'imported', rowsStored: 2 });
    // A judgement the list does not offer stops the import, and the validation report says where.
    const typo = await writeXlsx(join(dir, 'norr-typo.xlsx'), [
      { name: 'Självskattning', rows: [['År', 'Period', 'Nämnd', 'Krav', 'Status'], [2020, 'T2', 'Norr', 'N1', 'Uppfyllt']] },
      { name: 'Nämndens bedömning', rows: [['År', 'Period', 'Nämnd', 'Fokusområde', 'Nämndens bedömning', 'Motivering'], [2020, 'T2', 'Norr', 'Beredskap', 'Nästan', null]] },
    ]);
    await expect(importSelfAssessment(db, [typo])).rejects.toThrow(/blad "Nämndens bedömning", rad 2, kolumn E \(Nämndens bedömning\): okänd bedömning/);
    const problems = validateSelfAssessment(await workbookGrids(readFileSync(typo), 'norr-typo.xlsx'), await Catalog.load(db), 'norr-typo.xlsx', '2020-09-30');
    expect(problems.filter((p) => p.blocksImport)).toMatchObject([{ sheet: 'Nämndens bedömning', row: 2, found: 'Nästan' }]);
    expect(await q('select requirement_id, status from self_assessment')).toEqual([{ requirement_id: 'N1', status: 'uppfyllt' }]);
    expect(await q('select goal, judgement, motivering, sheet from unit_judgement')).toEqual([{ goal: 'beredskap', judgement: 'helt', motivering: 'Allt klart', sheet: 'Nämndens bedömning' }]);
  });

  it('a report row for a requirement that does not apply is flagged and not counted; one that applies and is left out is named', async () => {
    await open();
    // with the decisions of 2020 that the deadlines N1 and N2 carry ask for
    const lines = ['År;Period;Nämnd;Krav;Status;Beslutsdatum', '2020;VB;Trafiknämnden;N1;Uppfyllt;2020-06-01', '2020;VB;Trafiknämnden;N2;Uppfyllt;2020-02-01'];
    const problems = validateSelfAssessment([readDelimited('trafik.csv', Buffer.from(lines.join('\n')))], await Catalog.load(db), 'trafik.csv', '2020-12-31');
    expect(problems.map((p) => [p.row ?? null, p.message, p.blocksImport])).toEqual([
      [3, 'kravet gäller inte Trafiknämnden (data/requirement_applicability.csv): raden räknas inte', false],
      [null, expect.stringMatching(/^kravet N4 \(Allmän informationssäkerhet\) saknas för Trafiknämnden 2020 VB/), false],
    ]);
    await importSelfAssessment(db, [csv('trafik.csv', lines)]);
    expect(await q(`select requirement_id, status from stg_self_item where unit_id = 'trafikn' order by 1`)).toEqual([
      { requirement_id: 'N1', status: 'uppfyllt' },
      { requirement_id: 'N4', status: 'ej_svar' },
    ]);
    // Stored and listed for `beredskap check`, never silently dropped.
    expect(await q(`select unit_id, requirement_id, status, source_row from self_not_applicable`)).toEqual([
      { unit_id: 'trafikn', requirement_id: 'N2', status: 'uppfyllt', source_row: 3 },
    ]);
  });

  it('configuration: overlapping programme versions and an unknown unit kind are errors naming the file and the closest names', () => {
    const bad = join(dir, 'config');
    cpSync(fixture, bad, { recursive: true });
    const versions = join(bad, 'programme_versions.csv');
    writeFileSync(versions, readFileSync(versions, 'utf8').replace('prog_nya,Nya programmet 2019–,2019', 'prog_nya,Nya programmet 2017–,2017'));
    const rules = join(bad, 'requirement_applicability.csv');
    writeFileSync(rules, `${readFileSync(rules, 'utf8')}N1,stadsdelsnamd,,ja,\n`);
    expect(configError(bad).problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'programme_versions.csv', found: 'prog_nya', message: expect.stringContaining('överlappar prog_gamla') }),
      expect.objectContaining({ file: 'requirement_applicability.csv', column: 'unit_kind', found: 'stadsdelsnamd', suggestions: expect.arrayContaining(['stadsdelsnamnd']) }),
    ]));
  });
});
