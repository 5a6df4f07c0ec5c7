import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import { openInput } from '../imports/importFiles.ts';
import { InputError, formatProblem } from '../text/problems.ts';
import { projectRoot } from '../paths.ts';
import { configDir, openTestDb, tempDir, writeXlsx, type Cell } from '../test/helpers.ts';
import { formatInspection } from './formatInspection.ts';
import { importOj } from './importOj.ts';
import { readOjWorkbook } from './readOjWorkbook.ts';

/*
 * Three ÖJ workbooks written the way Socialstyrelsen's files plausibly are, none like our sample: key
 * columns in other orders and places, sheets split and named differently, headers numbered, abbreviated
 * and hyphenated, kommun codes as numbers, shares as fractions, per-cent texts and numbers. Each is built
 * from one model of answers and must read back as exactly that model.
 */

const year = 2022;
const indicators = ['evakuering_sabo', 'evakuering_hemtjanst', 'varme_sabo', 'kontinuitet_lss_vuxna', 'kontinuitet_hvb_barn'] as const;

/** Every answer spelling a real file uses, with what it must be stored as. */
const spellings: [string | null, string][] = [
  ['Ja', 'ja'], ['JA ', 'ja'], [' nej', 'nej'], ['Delvis', 'delvis'], ['Pågår', 'pagar'], ['Arbete pågår', 'pagar'],
  ['Ej aktuellt', 'ej_aktuellt'], ['Verksamhet saknas', 'ej_aktuellt'], ['Uppgift saknas', 'ej_svar'], ['Ej svar', 'ej_svar'],
  ['-', 'ej_svar'], ['–', 'ej_svar'], ['.', 'ej_aktuellt'], ['..', 'ej_svar'], [null, 'ej_svar'], ['Nej', 'nej'],
];

const kommuner = [
  { id: 'upplands-vasby', code: '0114', name: 'Upplands Väsby', lan: 1 },
  { id: 'haninge', code: '0136', name: 'Haninge', lan: 1 },
  { id: 'stockholm', code: '0180', name: 'Stockholm', lan: 1 },
  { id: 'norrkoping', code: '0581', name: 'Norrköping', lan: 5 },
];
const lanNames: Record<number, string> = { 1: 'Stockholms län', 5: 'Östergötlands län' };
const stadsdelar = [
  { id: 'farsta', names: ['Farsta', 'Stockholm - Farsta', 'Farsta stadsdelsförvaltning'] },
  { id: 'hagersten-alvsjo', names: ['Hägersten-Älvsjö', 'Hägersten-Älvsjö', 'Hägersten-Älvsjö'] },
  { id: 'rinkeby-kista', names: ['Rinkeby-Kista stadsdelsområde', 'Rinkeby-Kista sdo', 'Rinkeby-Kista'] },
];
/** Published shares in per cent, per aggregate unit. */
const shares: Record<string, number[]> = {
  riket: [57.5, 43, 70.1, 28, 31.5],
  'lan-01': [60, 50.5, 75, 20, 33],
  'lan-05': [55, 40, 66.5, 25, 30],
};

/** The answer (spelling) of unit u to indicator i: every spelling occurs, in varying places. */
const spellingOf = (u: number, i: number) => spellings[(u * indicators.length + i) % spellings.length]!;
const answeringUnits = [...kommuner.map((k) => k.id), ...stadsdelar.map((s) => s.id)];
const answerCells = (u: number): Cell[] => indicators.map((_, i) => spellingOf(u, i)[0]);
const expectedAnswers = answeringUnits.flatMap((unit, u) => indicators.map((indicator, i) => `${unit}/${indicator}/${spellingOf(u, i)[1]}`)).sort();
const expectedShares = Object.entries(shares).flatMap(([unit, values]) => values.map((v, i) => `${unit}/${indicators[i]}/${(v / 100).toFixed(4)}`)).sort();

/** Layout A: one sheet for kommun, län and riket with two-level merged headers, key headers merged over both rows; shares as fractions. */
function layoutA(options: { keyOrder?: number[]; sheetNames?: [string, string, string]; notes?: boolean } = {}) {
  const keyHeaders = ['Läns-\nkod', 'Län', 'Kommun-\nkod', 'Kommun'];
  const order = options.keyOrder ?? [0, 1, 2, 3];
  const keys = (cells: Cell[]) => order.map((i) => cells[i]!);
  const k = order.length;
  const letter = (i: number) => String.fromCharCode(65 + i);
  const notes = options.notes ? [['Tabellen visar kommunernas svar.'], ['Se även bladet Läs mig.']] : [];
  const [readme, description, results] = options.sheetNames ?? ['Läs mig', 'Indikatorer', 'Kommun, län och riket'];
  const kommunSheetRows: Cell[][] = [
    [`Öppna jämförelser ${year} – Krisberedskap inom socialtjänst och kommunal hälso- och sjukvård`],
    ['Andel (%) som svarat Ja på läns- och riksnivå, svar per kommun'],
    ...notes,
    [],
    [...keys(keyHeaders), 'Plan för\nevakuering¹', null, 'Beredskapsplan för  höga temperaturer', 'Aktuell kontinuitetsplan', null],
    [...keys(keyHeaders), 'Särskilt boende för äldre', 'Hemtjänst*', 'Särskilt boende\u00a0för äldre', 'Bostad med särskild service enligt LSS för vuxna', 'HVB för barn och unga'],
    [...keys([null, 'Riket', null, null]), ...shares.riket!.map((v) => v / 100)],
    [],
  ];
  for (const lan of [1, 5]) {
    kommunSheetRows.push([...keys([lan, lanNames[lan]!, null, null]), ...shares[`lan-0${lan}`]!.map((v) => v / 100)]);
    kommuner.forEach((kommun, u) => {
      if (kommun.lan === lan) kommunSheetRows.push([...keys([lan === 1 ? '01' : lan, lanNames[lan]!, u % 2 ? Number(kommun.code) : kommun.code, kommun.name]), ...answerCells(u)]);
    });
    kommunSheetRows.push([]);
  }
  const footnoteLine = kommunSheetRows.length + 2;
  kommunSheetRows.push([`Källa: Socialstyrelsen, Öppna jämförelser ${year}.`], ['¹ Avser verksamhet i egen regi.']);
  const headerLine = 4 + notes.length;
  return [
    { name: readme, rows: [[`Öppna jämförelser ${year} – Krisberedskap`], ['Svarsalternativen är Ja, Nej och för kontinuitetsplan Delvis.']] },
    { name: description, rows: [['Område', 'Indikator', 'Beskrivning'], ['Evakuering', 'Plan för evakuering', 'Andel som svarat Ja på frågan om plan för evakuering.'], ['Kontinuitet', 'Aktuell kontinuitetsplan', 'Ja, Nej eller Delvis.']] },
    {
      name: results,
      rows: kommunSheetRows,
      merges: [
        ...order.map((_, i) => `${letter(i)}${headerLine}:${letter(i)}${headerLine + 1}`),
        `${letter(k)}${headerLine}:${letter(k + 1)}${headerLine}`, `${letter(k + 3)}${headerLine}:${letter(k + 4)}${headerLine}`,
        `A${footnoteLine}:${letter(k + 4)}${footnoteLine}`,
      ],
    },
    {
      name: 'Stadsdelar',
      rows: [
        [`Resultat för stadsdelsområden i Stockholm ${year}`],
        ['Kommun', 'Stadsdelsområde', 'Plan för evakuering', null, 'Beredskapsplan för höga temperaturer', 'Aktuell kontinuitetsplan', null],
        [null, null, 'Särskilt boende för äldre', 'Hemtjänst', 'Särskilt boende för äldre', 'Bostad med särskild service enligt LSS för vuxna', 'HVB för barn och unga'],
        ['Stockholm'],
        ...stadsdelar.map((s, j) => ['Stockholm', s.names[0]!, ...answerCells(kommuner.length + j)]),
      ],
      merges: ['C2:D2', 'F2:G2'],
    },
  ];
}

/** Layout B: one sheet, one-level numbered headers, generic Kod/Namn columns, shares as "63,5 %" text. */
function layoutB() {
  const pct = (v: number) => `${String(v).replace('.', ',')} %`;
  return [{
    name: 'Blad1',
    rows: [
      [`Krisberedskap ${year}`],
      ['Kod', 'Namn', '1. Plan för evakuering – Särskilt boende för äldre', 'Fråga 1b: Evakueringsplan, hemtjänst', '2a) Höga temperaturer: SÄBO',
        '3. Kontinuitetsplan – Vuxna: bostad med särskild service (enl. LSS)', '3b) Kontinuitetsplan – HVB, barn/unga'],
      ['0', 'Riket', ...shares.riket!.map(pct)],
      ['01', 'Stockholms län', ...shares['lan-01']!.map(pct)],
      ['05', 'Östergötlands län', ...shares['lan-05']!.map(pct)],
      ...kommuner.map((k, u) => [k.code, k.name, ...answerCells(u)]),
      ...stadsdelar.map((s, j) => [null, s.names[1]!, ...answerCells(kommuner.length + j)]),
      [],
      ['Anm: Riket och län visar andelen Ja bland de svarande.'],
    ] as Cell[][],
  }];
}

/** Layout C: three tables, key columns at the right, the area row directly above drifting verksamhet spellings; shares as numbers. */
function layoutC() {
  const areaRow = ['Evakuering', null, 'Värmebölja', 'Kontinuitetsplanering', null];
  return [
    {
      name: 'Tabell 1',
      rows: [
        [`Tabell 1. Kommunernas svar ${year}`],
        [...areaRow, 'Kommun-\nkod', 'Kommun', 'Län'],
        ['Säbo i egen regi', 'Hemtjänst (egen regi)', 'Särskilda boendeformer för äldre', 'Bostad m. särskild service – LSS – vuxna', 'Hem för vård eller boende (HVB) för barn och unga', 'Kommun-\nkod', 'Kommun', 'Län'],
        ...kommuner.map((k, u) => [...answerCells(u), Number(k.code), k.name, lanNames[k.lan]!]),
      ] as Cell[][],
      merges: ['A2:B2', 'D2:E2'],
    },
    {
      name: 'Tabell 2',
      rows: [
        [`Tabell 2. Riket och län ${year}`],
        ['Länskod', 'Län', ...areaRow, 'Antal svarande'],
        [null, null, 'SÄBO', 'Hemtjänst', 'SÄBO', 'LSS-bostad för vuxna', 'HVB barn och unga'],
        [null, 'Riket', ...shares.riket!, 290],
        [1, 'Stockholms län', ...shares['lan-01']!, 26],
        [5, 'Östergötlands län', ...shares['lan-05']!, 13],
      ] as Cell[][],
    },
    {
      name: 'Tabell 3',
      rows: [
        ['Stadsdelsförvaltning', 'Evakuering – Säbo', 'Evakuering – Hemtjänst', 'Värmebölja – Säbo', 'Kontinuitetsplan – LSS-bostad vuxna', 'Kontinuitetsplan – HVB barn/unga'],
        ...stadsdelar.map((s, j) => [s.names[2]!, ...answerCells(kommuner.length + j)]),
      ] as Cell[][],
    },
  ];
}

describe('ÖJ workbooks in layouts unlike the sample', () => {
  const root = tempDir();
  // tempDir() empties itself after each test; each test writes its files anew.
  const dir = join(root, 'files');
  beforeEach(() => mkdirSync(dir, { recursive: true }));
  let db: Database;
  let catalog: Catalog;
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    db = await openTestDb(dir, 'catalog.duckdb');
    catalog = await Catalog.load(db);
  });
  afterAll(() => db?.close());

  const read = async (file: string) => {
    const input = openInput(file);
    return readOjWorkbook(await input.grids(), catalog, { file: input.name });
  };
  const answersOf = (reading: Awaited<ReturnType<typeof read>>) => reading.answers.map((a) => `${a.unit_id}/${a.indicator_id}/${a.answer}`).sort();
  const sharesOf = (reading: Awaited<ReturnType<typeof read>>) => reading.shares.map((s) => `${s.unit_id}/${s.indicator_id}/${s.share_ja!.toFixed(4)}`).sort();

  it.each([
    ['A: two-level merged headers, key headers merged and hyphenated, fractions', layoutA()],
    ['B: one sheet, numbered one-level headers, Kod/Namn, per-cent texts', layoutB()],
    ['C: key columns at the right, drifting spellings, tables split over three sheets', layoutC()],
  ])('layout %s: every answer and share is read as the model says', async (_, sheets) => {
    const file = await writeXlsx(join(dir, `layout-${_.slice(0, 1)}.xlsx`), sheets);
    const reading = await read(file);
    expect(reading.problems.map(formatProblem)).toEqual([]);
    expect(reading.year).toBe(year);
    expect(answersOf(reading)).toEqual(expectedAnswers);
    expect(sharesOf(reading)).toEqual(expectedShares);
  });

  it('imports layout A and stores each fact with its sheet, row and column; notes, headings and blank rows are counted, not read', async () => {
    const importDb = await openTestDb(dir, 'import.duckdb');
    try {
      const file = await writeXlsx(join(dir, 'oj-a.xlsx'), layoutA());
      const [report] = await importOj(importDb, [file]);
      expect(report).toMatchObject({ status: 'imported', years: [year], rowsRead: 10, rowsSkipped: { blank: 3, note: 2, heading: 1 } });
      const stored = await importDb.all<{ unit_id: string; indicator_id: string; answer: string }>('select unit_id, indicator_id, answer from oj_answer order by all');
      expect(stored.map((a) => `${a.unit_id}/${a.indicator_id}/${a.answer}`)).toEqual(expectedAnswers);
      expect(await importDb.one(`select sheet, source_row, source_column, raw_text from oj_answer where unit_id = 'haninge' and indicator_id = 'evakuering_hemtjanst'`))
        .toEqual({ sheet: 'Kommun, län och riket', source_row: 10, source_column: 'F (Plan för\nevakuering¹ / Hemtjänst*)'.replace('\n', ' '), raw_text: spellingOf(1, 1)[0]!.trim() });
    } finally {
      importDb.close();
    }
  });

  it('shuffling key columns, renaming sheets and adding note rows changes nothing read', async () => {
    const base = await read(await writeXlsx(join(dir, 'base.xlsx'), layoutA()));
    for (const [n, variant] of [
      [1, layoutA({ keyOrder: [3, 2, 1, 0] })],
      [2, layoutA({ keyOrder: [1, 3, 0, 2], sheetNames: ['Info', 'Definitioner', 'Blad 3'] })],
      [3, layoutA({ keyOrder: [2, 0, 3, 1], notes: true })],
      [4, layoutA({ keyOrder: [0, 2, 1, 3], sheetNames: ['A', 'B', 'C'], notes: true })],
    ] as const) {
      const reading = await read(await writeXlsx(join(dir, `variant-${n}.xlsx`), variant));
      expect(reading.problems.map(formatProblem), `variant ${n}`).toEqual([]);
      expect(answersOf(reading), `variant ${n}`).toEqual(answersOf(base));
      expect(sharesOf(reading), `variant ${n}`).toEqual(sharesOf(base));
    }
  });

  it('names the one real problem: an unknown stadsdel, answer or kommun code is one message with its rows and the line that fixes it', async () => {
    const sheets = layoutB();
    const rows = sheets[0]!.rows;
    rows[5 + kommuner.length]![1] = 'Bromma Västra';
    rows[3 + 3]![0] = '9999';
    for (const r of rows.slice(5, 5 + kommuner.length)) r[4] = 'Kanske';
    const file = await writeXlsx(join(dir, 'faults-2022.xlsx'), sheets);
    const error = (await importOj(db, [file]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    const lines = error.problems.map(formatProblem);
    expect(lines).toHaveLength(3);
    expect(lines).toContain('faults-2022.xlsx, blad "Blad1", rad 7, kolumn A: okänd kommunkod (finns inte i data/org/kommuner.csv) "9999".');
    const unit = lines.find((l) => l.includes('Bromma Västra'))!;
    expect(unit).toMatch(/^faults-2022\.xlsx, blad "Blad1", rad 10, kolumn B: okänd enhet "Bromma Västra"\. Närmast kända: "Bromma"/);
    expect(unit).toContain('lägg till raden Bromma Västra,bromma,, i data/org/aliases.csv');
    const answer = lines.find((l) => l.includes('Kanske'))!;
    expect(answer).toMatch(/^faults-2022\.xlsx, blad "Blad1", rader 6, 8–9, kolumn E \(2a\) Höga temperaturer: SÄBO\): okänt svar "Kanske"\./);
    expect(answer).toContain('lägg till raden Kanske,SVAR i data/vocab/oj_answers.csv');
  });

  it('refuses, never skips, a sheet with answers it cannot read: an unknown area header, a column naming stadsdelar only here and there', async () => {
    const unknownArea = layoutA();
    unknownArea[3]!.rows[1]![4] = 'Plan vid värmebölja i juli';
    const sparse = layoutA();
    sparse[3]!.rows[1]![1] = 'Sdo-namn';
    sparse[3]!.rows.slice(4).forEach((r, j) => { if (j) r[1] = `Område ${j}`; });
    sparse[3]!.rows.push(['Stockholm', 'Bromma', 'Ja'], ['Stockholm', 'Område 9', 'Nej']);
    for (const [name, sheets, expected] of [
      ['area', unknownArea, /blad "Stadsdelar", rad 3, kolumn E \(Plan vid värmebölja i juli\): okänt indikatorområde "Plan vid värmebölja i juli"\..*Lägg till raden varme,Plan vid värmebölja i juli i data\/vocab\/oj_area_headers\.csv/],
      ['sparse', sparse, /^sparse-2022\.xlsx, blad "Stadsdelar", rad 2, kolumn B \(Sdo-namn\): kolumnen anger enheter \(Farsta, Bromma\) men rubriken är ingen känd nyckelkolumn; bladets 5 rader med enheter i kolumnen lämnas därför olästa "Sdo-namn"\. Lägg till raden stadsdel,Sdo-namn i data\/vocab\/oj_columns\.csv/],
    ] as const) {
      const reading = await read(await writeXlsx(join(dir, `${name}-2022.xlsx`), sheets));
      expect(reading.problems.map(formatProblem).join('\n'), name).toMatch(expected);
    }
  });

  it('reads a renamed stadsdel column by its content, and says so', async () => {
    const renamed = layoutA();
    renamed[3]!.rows[1]![1] = 'Sdo-namn';
    const reading = await read(await writeXlsx(join(dir, 'renamed-2022.xlsx'), renamed));
    expect(reading.problems.map(formatProblem)).toEqual([]);
    expect(answersOf(reading)).toEqual(expectedAnswers);
    expect(reading.notes).toEqual([expect.stringMatching(/^blad "Stadsdelar", kolumn B \(Sdo-namn\): tolkad som stadsdel utifrån innehållet \(Farsta, Hägersten-Älvsjö, Rinkeby-Kista stadsdelsområde\)\. Raden stadsdel,Sdo-namn i data\/vocab\/oj_columns\.csv gör det uttryckligt\.$/)]);
  });

  it('reads indicator columns under a merged "Område" header as indicators, not as a key column', async () => {
    const file = await writeXlsx(join(dir, 'omrade-2022.xlsx'), [{
      name: 'Stadsdelsområden',
      rows: [
        [`ÖJ ${year}`],
        ['Stadsdel', 'Område', null],
        [null, 'Plan för evakuering – Särskilt boende för äldre', 'Plan för evakuering – Hemtjänst'],
        ['Farsta', 'Ja', 'Nej'],
        ['Rinkeby-Kista', 'Nej', 'Ja'],
      ],
      merges: ['B2:C2', 'A2:A3'],
    }]);
    const reading = await read(file);
    expect(reading.problems.map(formatProblem)).toEqual([]);
    expect(answersOf(reading)).toEqual(['farsta/evakuering_hemtjanst/nej', 'farsta/evakuering_sabo/ja', 'rinkeby-kista/evakuering_hemtjanst/ja', 'rinkeby-kista/evakuering_sabo/nej']);
  });

  it('reads a sheet of fractions as fractions and a sheet of per cents as per cents, and refuses a share it cannot read', async () => {
    const sheets = layoutC();
    sheets[1]!.rows[4]![2] = 'hög';
    const reading = await read(await writeXlsx(join(dir, 'shares-2022.xlsx'), sheets));
    expect(reading.problems.map(formatProblem)).toEqual([
      'shares-2022.xlsx, blad "Tabell 2", rad 5, kolumn C (Evakuering / SÄBO): andelen för Stockholms län kan inte läsas (väntade procent som "57", "57 %" eller "57,5 %", eller andel som 0,57) "hög".',
    ]);
    expect(reading.sheets.find((s) => s.sheet === 'Tabell 2')?.shareScale).toBe('percent');
    const fractions = await read(await writeXlsx(join(dir, 'fractions-2022.xlsx'), layoutA()));
    expect(fractions.sheets.find((s) => s.sheet === 'Kommun, län och riket')?.shareScale).toBe('fraction');
  });

  it('names a formula cell without a stored value instead of reading it as no answer', async () => {
    const sheets = layoutB();
    const file = join(dir, 'formula-2022.xlsx');
    await writeXlsx(file, sheets);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('Blad1')!.getCell('C6').value = { formula: 'IF(1=1,"Ja","Nej")' } as never;
    await wb.xlsx.writeFile(file);
    const reading = await read(file);
    expect(reading.problems.map(formatProblem)).toEqual([
      'formula-2022.xlsx, blad "Blad1", rad 6, kolumn C: cellen innehåller en formel utan sparat värde (filen har inte räknats om); öppna filen i Excel, låt den räknas om och spara.',
    ]);
  });

  it('inspect shows each sheet\'s role, header rows, column readings and skipped rows (golden file)', async () => {
    const reading = await read(await writeXlsx(join(dir, 'oj-krisberedskap-c.xlsx'), layoutC()));
    const golden = join(projectRoot, 'src/oj/testdata/inspect-layout-c.txt');
    const text = formatInspection(reading);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('beredskap inspect', () => {
  const root = tempDir();
  it('writes nothing, prints the reading as text or JSON, and exits 1 when the file has problems', async () => {
    mkdirSync(root, { recursive: true });
    const good = await writeXlsx(join(root, 'good.xlsx'), layoutC());
    const bad = layoutB();
    bad[0]!.rows[5]![2] = 'Kanske';
    const badFile = await writeXlsx(join(root, 'bad.xlsx'), bad);
    const db = join(root, 'never.duckdb');
    const out: string[] = [];
    expect(await main(['inspect', good, '--json', '--db', db], (t) => out.push(t))).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json).toMatchObject({ year, answers: 35, shares: 15, problems: [] });
    expect(json.sheets.map((s: { sheet: string; roles: string[] }) => `${s.sheet}: ${s.roles.join('+')}`)).toEqual([
      'Tabell 1: kommun_answers', 'Tabell 2: aggregate_shares', 'Tabell 3: stadsdel_answers',
    ]);
    out.length = 0;
    expect(await main(['inspect', badFile, '--db', db], (t) => out.push(t))).toBe(1);
    expect(out.join('\n')).toMatch(/1 problem – filen kan inte importeras[^\n]*\n {2}bad\.xlsx, blad "Blad1", rad 6, kolumn C \(1\. Plan för evakuering – Särskilt boende för äldre\): okänt svar "Kanske"\..*lägg till raden Kanske,SVAR i data\/vocab\/oj_answers\.csv/);
    expect(existsSync(db)).toBe(false);
  });
});

describe('a workbook must reproduce its own published shares', () => {
  const root = tempDir();
  const kommunRows = readFileSync(join(configDir, 'org/kommuner.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
  /** All 290 kommuner, 226 of them Ja (77,9 %), and riket's published share as given. */
  const nationalWorkbook = (file: string, riket: Cell) => writeXlsx(file, [{
    name: 'Resultat',
    rows: [
      [`Krisberedskap ${year}`],
      ['Kommunkod', 'Kommun', 'Plan för evakuering – Särskilt boende för äldre', 'Plan för evakuering – Hemtjänst'],
      [null, 'Riket', riket, 0.5],
      ...kommunRows.map(([, code, name], i) => [Number(code), name!, i < 226 ? 'Ja' : 'Nej', i % 2 ? 'Ja' : 'Nej']),
    ],
  }]);

  it('reads fractions right and imports; refuses a share its kommun rows contradict unless --accept-fidelity, which says so; check then fails', async () => {
    mkdirSync(root, { recursive: true });
    const db = await openTestDb(root, 'fidelity.duckdb');
    try {
      const [ok] = await importOj(db, [await nationalWorkbook(join(root, 'fractions.xlsx'), 0.78)]);
      expect(ok).toMatchObject({ status: 'imported' });
      expect(await db.one(`select share_ja from oj_published_share where unit_id = 'riket' and indicator_id = 'evakuering_sabo'`)).toEqual({ share_ja: 0.78 });

      const misread = await nationalWorkbook(join(root, 'misread.xlsx'), '7,8 %');
      const error = (await importOj(db, [misread]).catch((e: unknown) => e)) as InputError;
      expect(error).toBeInstanceOf(InputError);
      expect(error.problems.map(formatProblem)).toEqual([
        'misread.xlsx, blad "Resultat", rad 3, kolumn C (Plan för evakuering – Särskilt boende för äldre): andelen 7,8 % för riket stämmer inte med 77,9 % beräknat från filens kommunsvar; är andelarna rätt lästa (procent eller bråk)? Importera ändå med --accept-fidelity.',
      ]);
      expect(await db.one('select count(*)::int as n from source_file')).toEqual({ n: 1 });

      const dbPath = join(root, 'cli.duckdb');
      const out: string[] = [];
      expect(await main(['import', 'oj', misread, '--accept-fidelity', '--db', dbPath, '--quiet'], (t) => out.push(t))).toBe(0);
      expect(out.join('\n')).toContain('VARNING: 1 publicerade andelar stämmer inte med filens egna kommunsvar (t.ex. riket evakuering_sabo: publicerad 7,8 %, beräknad 77,9 %); importerad ändå (--accept-fidelity).');
      expect(await main(['check', '--db', dbPath, '--json'], () => {})).toBe(1);
    } finally {
      db.close();
    }
  });
});
