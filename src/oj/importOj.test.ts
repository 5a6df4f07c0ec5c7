import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import type { Database } from '../db/database.ts';
import { InputError } from '../text/problems.ts';
import { projectRoot } from '../paths.ts';
import { configDir, openTestDb, tempDir, writeText, writeXlsx, type Cell } from '../test/helpers.ts';
import { importOj } from './importOj.ts';

/** A small ÖJ-like workbook: a read-me sheet, a kommun sheet and a stadsdel sheet, with the noise real files have. */
async function ojWorkbook(path: string, year: number, options: { titleYear?: boolean; stadsdelar?: Cell[][]; kommuner?: Cell[][] } = {}) {
  const title = options.titleYear === false ? 'Öppna jämförelser – Krisberedskap' : `Öppna jämförelser ${year} – Krisberedskap`;
  return writeXlsx(path, [
    { name: 'Läs mig', rows: [['Om filen'], ['Resultaten avser kommunernas svar.']] },
    {
      name: 'Resultat kommun',
      rows: [
        [title],
        ['Andel med Ja. Källa: enkät till kommunerna'],
        [],
        ['Kommunkod', 'Kommun', 'Plan för\nevakuering¹', null, 'Aktuell  kontinuitetsplan', null],
        [null, null, 'Särskilt boende för äldre', 'Hemtjänst*', 'Särskilt boende\u00a0för äldre', 'Hemtjänst (1)'],
        [null, 'Riket', '57 %', '43', '24,5', '23 % (n=250)'],
        ['01', 'Stockholms län', 60, 50, '-', 20],
        ...(options.kommuner ?? [
          [180, 'Stockholm', 'Ja', 'Nej', 'Delvis', '-'],
          ['0114', 'Upplands Väsby', 'ja', 'Arbete pågår', 'Ej aktuellt', null],
        ]),
        [],
        ['Källa: Socialstyrelsen, Öppna jämförelser'],
        ['¹ Avser verksamhet i egen regi.'],
      ],
      merges: ['C4:D4', 'E4:F4'],
    },
    {
      name: 'Stadsdelar',
      rows: [
        [title],
        [],
        ['Stadsdel', 'Plan för evakuering', null, 'Aktuell kontinuitetsplan', null],
        [null, 'Särskilt boende för äldre', 'Hemtjänst', 'Särskilt boende för äldre', 'Hemtjänst'],
        ...(options.stadsdelar ?? [
          ['Stockholm - Skärholmen', 'Ja', 'Ja', 'Nej', 'Ej svar'],
          ['Hägersten', 'Nej', 'Ja', 'Ja', 'Delvis'],
          ['Farsta sdo', 'Ja', '.', 'Pågår', 'Ja'],
        ]),
      ],
      merges: ['B3:C3', 'D3:E3'],
    },
  ]);
}

const answersOf = (db: Database) =>
  db.all<{ year: number; unit_id: string; indicator_id: string; answer: string; raw_text: string; sheet: string; source_row: number; source_column: string }>(
    'select year, unit_id, indicator_id, answer, raw_text, sheet, source_row, source_column from oj_answer order by all',
  );

/** Everything an analyst could see, as one comparable value: "the database is query-identical". */
const snapshot = async (db: Database) => ({
  answers: await db.all('select * exclude (source_file_id) from oj_answer order by all'),
  shares: await db.all('select * exclude (source_file_id) from oj_published_share order by all'),
  sources: await db.all('select kind, file_name, sha256, superseded_by from source_file order by all'),
});

describe('importOj – workbooks', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('finds the header under title rows, reads merged two-level headers with noisy text, and stores every cell with its origin', async () => {
    db = await openTestDb(dir);
    const file = await ojWorkbook(join(dir, 'oj.xlsx'), 2024);
    const [report] = await importOj(db, [file]);
    expect(report).toMatchObject({ status: 'imported', years: [2024] });
    const answers = await answersOf(db);
    // 2 kommuner × 4 cells + 3 stadsdelar × 4 cells
    expect(answers).toHaveLength(20);
    expect(answers.find((a) => a.unit_id === 'stockholm' && a.indicator_id === 'kontinuitet_sabo_2023')).toMatchObject({
      answer: 'delvis', raw_text: 'Delvis', sheet: 'Resultat kommun', source_row: 8, source_column: 'E (Aktuell kontinuitetsplan / Särskilt boende för äldre)',
    });
    // An empty cell is a missing answer, never a Nej and never dropped.
    expect(answers.find((a) => a.unit_id === 'upplands-vasby' && a.indicator_id === 'kontinuitet_hemtjanst_2023')).toMatchObject({ answer: 'ej_svar', raw_text: '' });
    const source = await db.one<{ sha256: string; kind: string; rows_stored: number; years: number[] }>('select sha256, kind, rows_stored, years from source_file');
    expect(source).toMatchObject({ kind: 'oj_workbook', rows_stored: 20 + 8, years: [2024] });
    expect(source!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes a kommun code that lost its leading zero (180) as 0180', async () => {
    db = await openTestDb(dir);
    await importOj(db, [await ojWorkbook(join(dir, 'oj.xlsx'), 2024)]);
    const units = (await answersOf(db)).map((a) => a.unit_id);
    expect(units).toContain('stockholm');
    expect(units).toContain('upplands-vasby');
  });

  it('resolves the same name to different units before and after a merger', async () => {
    db = await openTestDb(dir);
    await importOj(db, [await ojWorkbook(join(dir, 'oj-2019.xlsx'), 2019), await ojWorkbook(join(dir, 'oj-2024.xlsx'), 2024)]);
    const rows = await db.all<{ year: number; unit_id: string }>("select distinct year, unit_id from oj_answer where unit_text = 'Hägersten' order by year");
    expect(rows).toEqual([{ year: 2019, unit_id: 'hagersten-liljeholmen' }, { year: 2024, unit_id: 'hagersten-alvsjo' }]);
    // 2019 answers belong to the first kontinuitet series, 2024 to the revised one.
    const series = await db.all<{ year: number; series: string }>("select distinct year, series from oj_answer join indicator using (indicator_id) where area = 'kontinuitet' order by year");
    expect(series).toEqual([{ year: 2019, series: 'kontinuitet-2019' }, { year: 2024, series: 'kontinuitet-2023' }]);
  });

  it('refuses a unit name used before the unit existed, saying when it existed', async () => {
    db = await openTestDb(dir);
    const file = await ojWorkbook(join(dir, 'oj.xlsx'), 2022, { stadsdelar: [['Järva', 'Ja', 'Ja', 'Ja', 'Ja']] });
    const error = await importOj(db, [file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('enheten Järva fanns inte den 2022-02-01 (giltig 2023-07-01–)');
  });

  it('reads aggregate rows as published shares, with respondent counts when given', async () => {
    db = await openTestDb(dir);
    await importOj(db, [await ojWorkbook(join(dir, 'oj.xlsx'), 2024)]);
    const shares = await db.all('select level, unit_id, indicator_id, share_ja, n_units, raw_text from oj_published_share order by all');
    expect(shares).toEqual([
      { level: 'lan', unit_id: 'lan-01', indicator_id: 'evakuering_hemtjanst', share_ja: 0.5, n_units: null, raw_text: '50' },
      { level: 'lan', unit_id: 'lan-01', indicator_id: 'evakuering_sabo', share_ja: 0.6, n_units: null, raw_text: '60' },
      { level: 'lan', unit_id: 'lan-01', indicator_id: 'kontinuitet_hemtjanst_2023', share_ja: 0.2, n_units: null, raw_text: '20' },
      { level: 'lan', unit_id: 'lan-01', indicator_id: 'kontinuitet_sabo_2023', share_ja: null, n_units: null, raw_text: '-' },
      { level: 'riket', unit_id: 'riket', indicator_id: 'evakuering_hemtjanst', share_ja: 0.43, n_units: null, raw_text: '43' },
      { level: 'riket', unit_id: 'riket', indicator_id: 'evakuering_sabo', share_ja: 0.57, n_units: null, raw_text: '57 %' },
      { level: 'riket', unit_id: 'riket', indicator_id: 'kontinuitet_hemtjanst_2023', share_ja: 0.23, n_units: 250, raw_text: '23 % (n=250)' },
      { level: 'riket', unit_id: 'riket', indicator_id: 'kontinuitet_sabo_2023', share_ja: 0.245, n_units: null, raw_text: '24,5' },
    ]);
  });

  it('reports every unknown column, unit and answer of a file at once, with the closest known names, and writes nothing', async () => {
    db = await openTestDb(dir);
    const file = await writeXlsx(join(dir, 'bad-2024.xlsx'), [{
      name: 'Kommuner',
      rows: [
        ['Kommunkod', 'Kommun', 'Plan för evakuering', null, 'Beredskapsplan för höga temperaturer'],
        [null, null, 'Särskilt boende för äldre', 'Hemtjänstt', 'Särskilt boende för äldre'],
        ['0180', 'Stockholm', 'Ja', 'Ja', 'Jaa'],
        [null, 'Upplands Väsbyy', 'Ja', 'Nej', 'Ja'],
      ],
      merges: ['C1:D1'],
    }]);
    const error = (await importOj(db, [file]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    const messages = error.problems.map((p) => `${p.row}/${p.column ?? ''}/${p.message}/${p.found}/${(p.suggestions ?? [])[0] ?? ''}`);
    expect(messages).toContain('2/D (Hemtjänstt)/okänd verksamhet/Hemtjänstt/Hemtjänst');
    expect(messages).toContain('3/E (Beredskapsplan för höga temperaturer / Särskilt boende för äldre)/okänt svar/Jaa/Ja');
    expect(messages).toContain('4/B/okänd enhet/Upplands Väsbyy/Upplands Väsby');
    expect(error.problems.every((p) => p.file === 'bad-2024.xlsx')).toBe(true);
    expect(await db.one('select count(*)::int as n from source_file')).toEqual({ n: 0 });
  });

  it('reports a header with answers under it that it cannot place, with the closest names; a context column without answers is passed over', async () => {
    db = await openTestDb(dir);
    const file = await writeXlsx(join(dir, 'onelevel-2024.xlsx'), [{
      name: 'Kommuner',
      rows: [
        ['Kommunkod', 'Kommun', 'Plan för evakuering – Särskilt boende för äldre', 'Kommungrupp', 'Invånarantal', 'Evakueringsrutin i hemtjänsten'],
        ['0180', 'Stockholm', 'Ja', 'A1', 1000, 'Ja'],
        ['0114', 'Upplands Väsby', 'Nej', 'A2', 2000, 'Nej'],
      ],
    }]);
    const error = (await importOj(db, [file]).catch((e: unknown) => e)) as InputError;
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ row: 1, column: 'F (Evakueringsrutin i hemtjänsten)', found: 'Evakueringsrutin i hemtjänsten' });
    expect(error.problems[0]!.suggestions).toContain('Evakuering');
    expect(error.problems[0]!.fix).toContain('ignore,Evakueringsrutin i hemtjänsten');
  });

  it('takes the year from the title, else the file name, else asks for --year', async () => {
    db = await openTestDb(dir);
    const noYear = await ojWorkbook(join(dir, 'krisberedskap.xlsx'), 2024, { titleYear: false });
    const error = (await importOj(db, [noYear]).catch((e: unknown) => e)) as InputError;
    expect(error.message).toContain('ange --year');
    const [report] = await importOj(db, [noYear], { year: 2021 });
    expect(report!.years).toEqual([2021]);
    const named = await ojWorkbook(join(dir, 'oj-krisberedskap-2023.xlsx'), 2023, { titleYear: false });
    expect((await importOj(db, [named], { dryRun: true }))[0]!.years).toEqual([2023]);
  });

  it('refuses a --year that contradicts the year the workbook states', async () => {
    db = await openTestDb(dir);
    const file = await ojWorkbook(join(dir, 'oj.xlsx'), 2025);
    const error = (await importOj(db, [file], { year: 2024 }).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('filen anger året 2025 (i rubrikerna) men --year 2024 angavs');
  });

  it('refuses a file with no data rows instead of letting it wipe its year', async () => {
    db = await openTestDb(dir);
    await importOj(db, [await ojWorkbook(join(dir, 'oj-2024.xlsx'), 2024)]);
    const headerOnly = await writeXlsx(join(dir, 'tom-2024.xlsx'), [{ name: 'Kommuner', rows: [['Öppna jämförelser 2024'], ['Kommunkod', 'Kommun', 'Plan för evakuering'], [null, null, 'Hemtjänst']] }]);
    const emptyCsv = writeText(join(dir, 'tom.csv'), 'ar;enhet;indikator;verksamhet;svar\n');
    const error = (await importOj(db, [headerOnly, emptyCsv]).catch((e: unknown) => e)) as InputError;
    expect(error.problems.map((p) => [p.file, p.message])).toEqual([
      ['tom-2024.xlsx', 'filen innehåller inga uppgifter (inga datarader hittades under rubrikraden)'],
      ['tom.csv', 'filen innehåller inga uppgifter (inga datarader hittades under rubrikraden)'],
    ]);
    expect(await db.one('select count(*)::int as n from oj_answer')).toEqual({ n: 20 });
  });

  it('re-importing the same file changes nothing and says so', async () => {
    db = await openTestDb(dir);
    const file = await ojWorkbook(join(dir, 'oj.xlsx'), 2024);
    await importOj(db, [file]);
    const before = await snapshot(db);
    const [again] = await importOj(db, [file]);
    expect(again).toMatchObject({ status: 'unchanged', previous: { source_file_id: 1 } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a new version of a year replaces that year, reporting rows added, removed and changed', async () => {
    db = await openTestDb(dir);
    await importOj(db, [await ojWorkbook(join(dir, 'oj-v1-2024.xlsx'), 2024), await ojWorkbook(join(dir, 'oj-2019.xlsx'), 2019)]);
    const v2 = await ojWorkbook(join(dir, 'oj-v2-2024.xlsx'), 2024, {
      kommuner: [[180, 'Stockholm', 'Ja', 'Ja', 'Delvis', '-']],
    });
    // Half of the kommuner go, more than the shrink guard lets pass for one unit kind: said with --replace.
    await expect(importOj(db, [v2])).rejects.toThrow(/tar bort 4 av 8 rader för enheter av slaget kommun/);
    const [report] = await importOj(db, [v2], { replace: true });
    expect(report!.changes!.oj_answer).toEqual({ added: 0, removed: 4, changed: 1, removedByKind: { kommun: 4 } });
    expect(report!.replacedSourceFiles).toEqual([1]);
    expect(await db.one("select answer from oj_answer where year = 2024 and unit_id = 'stockholm' and indicator_id = 'evakuering_hemtjanst'")).toEqual({ answer: 'ja' });
    expect(await db.one("select count(*)::int as n from oj_answer where year = 2024 and unit_id = 'upplands-vasby'")).toEqual({ n: 0 });
    // The other year's file is untouched.
    expect(await db.one('select count(*)::int as n from oj_answer where year = 2019')).toEqual({ n: 20 });
  });

  it('refuses a new version that drops most of its year (a partial file?) unless --replace', async () => {
    db = await openTestDb(dir);
    await importOj(db, [await ojWorkbook(join(dir, 'oj-v1-2024.xlsx'), 2024)]);
    const partial = await ojWorkbook(join(dir, 'oj-v2-2024.xlsx'), 2024, { kommuner: [[180, 'Stockholm', 'Ja', 'Ja', 'Delvis', '-']], stadsdelar: [['Farsta sdo', 'Ja', 'Ja', 'Ja', 'Ja']] });
    const error = (await importOj(db, [partial]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('den nya versionen tar bort 12 av 20 rader i oj_answer');
    expect(await db.one('select count(*)::int as n from oj_answer')).toEqual({ n: 20 });
    const [report] = await importOj(db, [partial], { replace: true });
    expect(report!.changes!.oj_answer).toMatchObject({ removed: 12 });
  });

  it('rolls back the whole command when a later file fails at store time, leaving the database query-identical', async () => {
    db = await openTestDb(dir);
    const csv = writeText(join(dir, 'hand.csv'), 'ar;enhet;indikator;verksamhet;svar\n2024;Farsta;evakuering;sabo;Ja\n');
    await importOj(db, [csv]);
    const before = await snapshot(db);
    // The workbook is fine on its own, but its Farsta cell is already held by the hand-typed CSV.
    const error = (await importOj(db, [await ojWorkbook(join(dir, 'oj-2019.xlsx'), 2019), await ojWorkbook(join(dir, 'oj-2024.xlsx'), 2024)]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('finns redan från hand.csv');
    expect(await snapshot(db)).toEqual(before);
  });

  it('--dry-run reports what would change and writes nothing', async () => {
    db = await openTestDb(dir);
    const [report] = await importOj(db, [await ojWorkbook(join(dir, 'oj.xlsx'), 2024)], { dryRun: true });
    expect(report).toMatchObject({ status: 'validated', changes: { oj_answer: { added: 20, removed: 0, changed: 0 } } });
    expect(await db.one('select (select count(*) from oj_answer)::int as a, (select count(*) from source_file)::int as s')).toEqual({ a: 0, s: 0 });
  });
});

describe('importOj – long-format CSV', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('maps every answer spelling in vocab/oj_answers.csv to its answer', async () => {
    db = await openTestDb(dir);
    const spellings = readFileSync(join(configDir, 'vocab/oj_answers.csv'), 'utf8')
      .split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split(','));
    // One unit per spelling: each a distinct kommun, so the cells do not collide.
    const kommuner = (await db.all<{ name: string }>("select name from org_unit where kind = 'kommun' order by kommun_code")).map((k) => k.name);
    const lines = spellings.map(([text], i) => `2024;${kommuner[i]};kontinuitet;sabo;"${text}"`);
    await importOj(db, [writeText(join(dir, 'spellings.csv'), `ar;enhet;indikator;verksamhet;svar\n${lines.join('\n')}\n`)]);
    const stored = await db.all<{ raw_text: string; answer: string }>('select raw_text, answer from oj_answer order by source_row');
    expect(stored.map((s) => [s.raw_text, s.answer])).toEqual(spellings.map(([text, answer]) => [text, answer]));
    expect(new Set(stored.map((s) => s.answer))).toEqual(new Set(['ja', 'nej', 'delvis', 'pagar', 'ej_aktuellt', 'ej_svar']));
  });

  it('reads Windows-1252 and UTF-8 with BOM alike, with å ä ö intact, comma or semicolon, quoted line breaks', async () => {
    db = await openTestDb(dir);
    const text = 'ar;enhet;indikator;verksamhet;svar\n2019;Skärholmen;Plan för evakuering;Särskilt boende för äldre;Ja\n2019;Älvsjö;"Aktuell\nkontinuitetsplan";Hemtjänst;Nej\n';
    const win = writeText(join(dir, 'win1252.csv'), iconv.encode(text, 'win1252'));
    const bom = writeText(join(dir, 'bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('2019', '2020').replace('2019', '2020').replaceAll(';', ','), 'utf8')]));
    await importOj(db, [win, bom]);
    const rows = await db.all('select year, unit_id, indicator_id, answer, source_row from oj_answer order by year, source_row');
    expect(rows).toEqual([
      { year: 2019, unit_id: 'skarholmen', indicator_id: 'evakuering_sabo', answer: 'ja', source_row: 2 },
      { year: 2019, unit_id: 'alvsjo', indicator_id: 'kontinuitet_hemtjanst', answer: 'nej', source_row: 3 },
      { year: 2020, unit_id: 'skarholmen', indicator_id: 'evakuering_sabo', answer: 'ja', source_row: 2 },
      { year: 2020, unit_id: 'alvsjo', indicator_id: 'kontinuitet_hemtjanst', answer: 'nej', source_row: 3 },
    ]);
  });

  it('names file, line, column and the closest names for unknown columns', async () => {
    db = await openTestDb(dir);
    const file = writeText(join(dir, 'bad.csv'), 'ar;enhett;indikator;verksamhet;svar\n2024;Farsta;evakuering;sabo;Ja\n');
    const error = (await importOj(db, [file]).catch((e: unknown) => e)) as InputError;
    expect(error.problems[0]).toMatchObject({ file: 'bad.csv', row: 1, column: '2', found: 'enhett' });
    expect(error.problems[0]!.suggestions![0]).toBe('enhet');
  });
});

describe('beredskap CLI', () => {
  const dir = tempDir();

  it('exits 1 on bad input with every problem on stderr and nothing written, 2 on usage errors', async () => {
    const dbPath = join(dir, 'cli.duckdb');
    const bad = writeText(join(dir, 'bad.csv'), 'ar;enhet;indikator;verksamhet;svar\n2024;Farstaa;evakuering;sabo;Ja\n2024;Farsta;evakuering;sabo;Kanske\n');
    expect(await main(['import', 'oj', bad, '--db', dbPath, '--quiet'], () => {})).toBe(1);
    expect(await main(['import', 'nothing', '--db', dbPath], () => {})).toBe(2);
    expect(await main(['bogus', '--db', dbPath], () => {})).toBe(2);
    const out: string[] = [];
    expect(await main(['sources', '--db', dbPath, '--json'], (t) => out.push(t))).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual([]);
  });

  it('refuses to import while another process holds the database, with a clear message and exit code 3', async () => {
    const dbPath = join(dir, 'locked.duckdb');
    expect(await main(['init', '--db', dbPath], () => {})).toBe(0);
    const holder = spawn(process.execPath, ['-e', `
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const db = await DuckDBInstance.create(${JSON.stringify(dbPath)});
      await (await db.connect()).run('begin transaction');
      console.log('holding');
      setTimeout(() => process.exit(0), 20000);
    `, '--input-type=module'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('holding') && resolve());
        holder.on('exit', () => reject(new Error('holder exited early')));
      });
      const csv = writeText(join(dir, 'ok.csv'), 'ar;enhet;indikator;verksamhet;svar\n2024;Farsta;evakuering;sabo;Ja\n');
      const stderr: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((chunk: string) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
      try {
        expect(await main(['import', 'oj', csv, '--db', dbPath], () => {})).toBe(3);
      } finally {
        process.stderr.write = write;
      }
      expect(stderr.join('')).toMatch(/används av en annan process \(PID \d+\)/);
    } finally {
      holder.kill();
    }
  });
});
