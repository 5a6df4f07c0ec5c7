// The long ÖJ CSV read by DuckDB and normalised in SQL must store exactly what the row-by-row reader
// stored, and report exactly its problems: the expected values below were recorded from that reader
// (before it was replaced) on the same files, and reviewed.
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { formatProblem, InputError } from '../text/problems.ts';
import { latestYear } from '../text/validRanges.ts';
import { openTestDb, tempDir, writeText } from '../test/helpers.ts';
import { importOj } from './importOj.ts';

/**
 * Columns in another order with a noisy header ("År", padding), CRLF, blank and whitespace-only lines,
 * cells padded with spaces and no-break spaces, a short row (svar missing: ej svar), kommun codes with
 * and without the leading zero, a län by code, riket's shares in three spellings.
 */
const tricky = [
  ' svar ;Enhet;INDIKATOR;verksamhet; År ',
  'Ja;Skärholmen;Plan för evakuering;Särskilt boende för äldre;2024',
  '',
  ' ; ; ;;',
  '\u00a0nej\u00a0;  Älvsjö ;evakuering;hemtjanst;2019',
  'Arbete pågår;180;kontinuitet;sabo;2023',
  ';0114;evakuering;sabo;2024',
  '57 %;Riket;evakuering;sabo;2024',
  '24,5;riket;kontinuitet;hemtjanst;2023',
  '23 % (n=250);01;evakuering;hemtjanst;2024',
  '-;Stockholms län;kontinuitet;sabo;2023',
  'Ej aktuellt;Farsta;kontinuitet;hemtjanst;2023',
].join('\r\n');

/** Every kind of problem a long file can have, some repeated on several lines. */
const faulty = [
  'ar;enhet;indikator;verksamhet;svar',
  '2024;Farstaa;evakuering;sabo;Ja',
  '2099;Farsta;evakuering;sabo;Ja',
  'tjugo;Farsta;evakuering;sabo;Ja',
  '2024;Farsta;evakueringg;saboo;Ja',
  '2024;Farsta;evakuering;sabo;Kanske',
  '2024;Hägersten;evakuering;sabo;kanske',
  '2024;Farsta;evakuering;hemtjanst;Kanske',
  '2024;Riket;evakuering;sabo;mycket',
  '2024;Skärholmen;evakuering;sabo;Ja',
  '2024;Skärholmen;evakuering;sabo;Nej',
  '2024;Farstaa;kontinuitet;sabo;Ja',
  '2010;Farsta;kontinuitet;sabo;Ja',
].join('\n');

const stored = async (db: Database) => ({
  answers: await db.all('select * exclude (source_file_id) from oj_answer order by all'),
  shares: await db.all('select * exclude (source_file_id) from oj_published_share order by all'),
});

describe('long ÖJ CSV', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('stores the same rows as the row-by-row reader did, plain or with quoted fields, UTF-8 or Windows-1252', async () => {
    db = await openTestDb(dir);
    await importOj(db, [writeText(join(dir, 'tricky.csv'), tricky)]);
    const plain = await stored(db);
    expect(plain).toMatchInlineSnapshot(`
      {
        "answers": [
          {
            "answer": "nej",
            "indicator_id": "evakuering_hemtjanst",
            "raw_text": "nej",
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 5,
            "unit_id": "alvsjo",
            "unit_text": "Älvsjö",
            "year": 2019,
          },
          {
            "answer": "ej_aktuellt",
            "indicator_id": "kontinuitet_hemtjanst_2023",
            "raw_text": "Ej aktuellt",
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 12,
            "unit_id": "farsta",
            "unit_text": "Farsta",
            "year": 2023,
          },
          {
            "answer": "pagar",
            "indicator_id": "kontinuitet_sabo_2023",
            "raw_text": "Arbete pågår",
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 6,
            "unit_id": "stockholm",
            "unit_text": "180",
            "year": 2023,
          },
          {
            "answer": "ja",
            "indicator_id": "evakuering_sabo",
            "raw_text": "Ja",
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 2,
            "unit_id": "skarholmen",
            "unit_text": "Skärholmen",
            "year": 2024,
          },
          {
            "answer": "ej_svar",
            "indicator_id": "evakuering_sabo",
            "raw_text": "",
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 7,
            "unit_id": "upplands-vasby",
            "unit_text": "0114",
            "year": 2024,
          },
        ],
        "shares": [
          {
            "indicator_id": "kontinuitet_sabo_2023",
            "level": "lan",
            "n_respondents_row": null,
            "n_units": null,
            "raw_text": "-",
            "share_ja": null,
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 11,
            "unit_id": "lan-01",
            "unit_text": "Stockholms län",
            "year": 2023,
          },
          {
            "indicator_id": "kontinuitet_hemtjanst_2023",
            "level": "riket",
            "n_respondents_row": null,
            "n_units": null,
            "raw_text": "24,5",
            "share_ja": 0.245,
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 9,
            "unit_id": "riket",
            "unit_text": "riket",
            "year": 2023,
          },
          {
            "indicator_id": "evakuering_hemtjanst",
            "level": "lan",
            "n_respondents_row": null,
            "n_units": 250,
            "raw_text": "23 % (n=250)",
            "share_ja": 0.23,
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 10,
            "unit_id": "lan-01",
            "unit_text": "01",
            "year": 2024,
          },
          {
            "indicator_id": "evakuering_sabo",
            "level": "riket",
            "n_respondents_row": null,
            "n_units": null,
            "raw_text": "57 %",
            "share_ja": 0.57,
            "sheet": null,
            "source_column": "1 (svar)",
            "source_row": 8,
            "unit_id": "riket",
            "unit_text": "Riket",
            "year": 2024,
          },
        ],
      }
    `);
    // The same file with a quoted field (read by the fallback parser) in Windows-1252: the same rows.
    const quoted = tricky.replace('Ja;Skärholmen', '"Ja";"Skärholmen"');
    db.close();
    db = await openTestDb(dir, 'quoted.duckdb');
    await importOj(db, [writeText(join(dir, 'quoted.csv'), iconv.encode(quoted, 'win1252'))]);
    expect(await stored(db)).toEqual(plain);
    // Without quotes, split in SQL: Windows-1252, and UTF-8 with a BOM and tabs, give the same rows too.
    for (const [name, bytes] of [
      ['win.csv', iconv.encode(tricky, 'win1252')],
      ['tab.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tricky.replaceAll(';', '\t'), 'utf8')])],
    ] as const) {
      db.close();
      db = await openTestDb(dir, `${name}.duckdb`);
      await importOj(db, [writeText(join(dir, name), bytes)]);
      expect(await stored(db)).toEqual(plain);
    }
  });

  it('reports the same problems as the row-by-row reader did, grouped by value, and writes nothing', async () => {
    db = await openTestDb(dir);
    const error = (await importOj(db, [writeText(join(dir, 'faulty.csv'), faulty)]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems.map(formatProblem).map((p) => p.replaceAll(String(latestYear()), 'NU').replace(/\b20[3-9]\d\b/g, 'ÅÅÅÅ'))).toMatchInlineSnapshot(`
      [
        "faulty.csv, rader 2, 12, kolumn 2 (enhet): okänd enhet "Farstaa". Närmast kända: "Farsta", "Fagersta", "Forshaga".",
        "faulty.csv, rad 3, kolumn 1 (ar): året ligger i framtiden: ska vara ett årtal från 2000 till NU "ÅÅÅÅ".",
        "faulty.csv, rad 4, kolumn 1 (ar): året ska vara ett årtal från 2000 till NU "tjugo".",
        "faulty.csv, rad 5, kolumn 3 (indikator): okänd indikator "evakueringg". Närmast kända: "Evakuering", "Evakueringsplan", "Plan för evakuering".",
        "faulty.csv, rad 5, kolumn 4 (verksamhet): okänd verksamhet "saboo". Närmast kända: "sabo", "SÄBO", "lss_barn".",
        "faulty.csv, rader 6, 8, kolumn 5 (svar): okänt svar "Kanske". Närmast kända: "N", "Verksamhet saknas", "Bedrivs ej".",
        "faulty.csv, rad 7, kolumn 5 (svar): okänt svar "kanske". Närmast kända: "N", "Verksamhet saknas", "Bedrivs ej".",
        "faulty.csv, rad 9, kolumn 5 (svar): andelen för Riket kan inte läsas (väntade procent) "mycket".",
        "faulty.csv, rad 13, kolumn 3 (indikator): okänd indikator: kontinuitet × sabo finns inte i indicators.csv för 2010 (finns: kontinuitet_sabo 2019–2022, kontinuitet_sabo_2023 2023–); lägg till eller vidga en rad i data/indicators.csv.",
        "faulty.csv, rad 11, kolumn 5 (svar): skarholmen 2024 evakuering_sabo finns redan på rad 10 (två rader för samma enhet?).",
      ]
    `);
    expect(await stored(db)).toEqual({ answers: [], shares: [] });
    // A quoted field with a line break: the lines named are still the user's lines.
    const quoted = faulty.replace('2024;Farsta;evakuering;sabo;Kanske', '2024;Farsta;evakuering;sabo;"Kan\nske"');
    const again = (await importOj(db, [writeText(join(dir, 'quoted.csv'), quoted)]).catch((e: unknown) => e)) as InputError;
    expect(again.problems.map(formatProblem).filter((p) => /kanske|finns redan/i.test(p))).toMatchInlineSnapshot(`
      [
        "quoted.csv, rad 8, kolumn 5 (svar): okänt svar "kanske". Närmast kända: "N", "Verksamhet saknas", "Bedrivs ej".",
        "quoted.csv, rad 9, kolumn 5 (svar): okänt svar "Kanske". Närmast kända: "N", "Verksamhet saknas", "Bedrivs ej".",
        "quoted.csv, rad 12, kolumn 5 (svar): skarholmen 2024 evakuering_sabo finns redan på rad 11 (två rader för samma enhet?).",
      ]
    `);
  });

  it('finds the header under blank and delimiter-only lines, and names the user\'s lines', async () => {
    db = await openTestDb(dir);
    const lines = ['', ' ;\u00a0; ', '\t', 'ar;enhet;indikator;verksamhet;svar', '', '2024;Farsta;evakuering;sabo;Nej'];
    await importOj(db, [writeText(join(dir, 'late-header.csv'), lines.join('\n'))]);
    expect(await db.all('select unit_id, indicator_id, answer, source_row, source_column from oj_answer')).toEqual([
      { unit_id: 'farsta', indicator_id: 'evakuering_sabo', answer: 'nej', source_row: 6, source_column: '5 (svar)' },
    ]);
    lines[3] = 'ar;enhet;indikatr;verksamhet;svar';
    const error = (await importOj(db, [writeText(join(dir, 'bad-header.csv'), lines.join('\n'))]).catch((e: unknown) => e)) as InputError;
    expect(error.problems.map(formatProblem)[0]).toMatch(/^bad-header\.csv, rad 4, kolumn 3: okänd kolumn "indikatr"/);
  });

  it('replaces the same keys three times in one transaction, and leaves no staging table behind', async () => {
    db = await openTestDb(dir);
    const temporary = async () => (await db.all<{ table_name: string }>('select table_name from duckdb_tables() where temporary')).map((t) => t.table_name);
    const version = (n: number) => writeText(join(dir, `v${n}.csv`), tricky.replace('Ja;Skärholmen', `${['Ja', 'Nej', 'Delvis'][n - 1]};Skärholmen`));
    const reports = await db.transaction(async () => [
      ...(await importOj(db, [version(1)])),
      ...(await importOj(db, [version(2)])),
      ...(await importOj(db, [version(3)])),
    ]);
    expect(reports.map((r) => r.changes?.oj_answer)).toEqual([
      { added: 5, removed: 0, changed: 0 },
      { added: 0, removed: 0, changed: 1 },
      { added: 0, removed: 0, changed: 1 },
    ]);
    const rows = await db.all<{ answer: string; source_file_id: number }>("select answer, source_file_id from oj_answer where unit_id = 'skarholmen'");
    expect(rows).toEqual([{ answer: 'delvis', source_file_id: reports[2]!.sourceFileId }]);
    expect((await db.all('select source_file_id from oj_answer union select source_file_id from oj_published_share')).length).toBe(1);
    expect(await temporary()).toEqual([]);
    // Neither a refused file, a re-import of the same content nor a dry run leaves one either.
    await expect(importOj(db, [writeText(join(dir, 'faulty.csv'), faulty)])).rejects.toThrow(InputError);
    expect(await importOj(db, [version(3)])).toMatchObject([{ status: 'unchanged' }]);
    expect(await importOj(db, [version(1)], { dryRun: true })).toMatchObject([{ status: 'validated', changes: { oj_answer: { added: 0, removed: 0, changed: 1 } } }]);
    expect(await temporary()).toEqual([]);
  });
});
