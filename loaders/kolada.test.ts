// `pull kolada` against a real HTTP server on 127.0.0.1 shaped like Kolada's API: pages linked by
// next_url (v3) and next_page (v2), rows marked isdeleted, null values with status flags, id lists
// split into chunks of 25. Then what the pull stores: kolada_value, ÖJ answers for kommun-years only
// Kolada has (never over a workbook's), and oj_source_check.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { importOj } from '../src/oj/importOj.ts';
import { projectRoot } from '../src/paths.ts';
import { openTestDb, tempDir, writeText, writeXlsx } from '../src/test/helpers.ts';
import type { HttpOptions } from './http.ts';
import { canonicalValues, idsPerRequest, parsePage, planRequests, pullKolada, type KoladaKpi } from './kolada.ts';
import { pullOj } from './ojWorkbooks.ts';
import { runPull } from './pullCommand.ts';
import { startTestServer } from './testServer.ts';

const fast: HttpOptions = { retries: 1, backoffMs: 5, totalTimeoutMs: 1000, connectTimeoutMs: 1000 };

interface Value { kpi: string; municipality?: string; ou?: string; period: number; gender?: string; value: number | null; status?: string; isdeleted?: boolean }

/** What the fake Kolada holds. */
const dataset: Value[] = [
  // Stockholm 2024, also in the workbook below: agree, differs, agree (Delvis = 1), agree (blank vs null).
  { kpi: 'U33626', municipality: '0180', period: 2024, value: 1 },
  { kpi: 'U33629', municipality: '0180', period: 2024, value: 1 },
  { kpi: 'U23487', municipality: '0180', period: 2024, value: 1 },
  { kpi: 'U21451', municipality: '0180', period: 2024, value: null, status: 'Saknas' },
  { kpi: 'U21541', municipality: '0180', period: 2024, value: 0 },
  // Stockholm 2023 and Göteborg 2023: only Kolada has them; 0.5 is outside the coding.
  { kpi: 'U33626', municipality: '0180', period: 2023, value: 1 },
  { kpi: 'U33629', municipality: '0180', period: 2023, value: 0 },
  { kpi: 'U33627', municipality: '0180', period: 2023, value: 0.5 },
  { kpi: 'U33626', municipality: '1480', period: 2023, value: 0 },
  // Malmö's row was deleted in Kolada; riket is a share, never an answer.
  { kpi: 'U33626', municipality: '1280', period: 2024, value: 1, isdeleted: true },
  { kpi: 'U33626', municipality: '0000', period: 2024, value: 57.3 },
  // A context figure, by gender.
  { kpi: 'N01951', municipality: '0180', period: 2024, gender: 'T', value: 988943 },
  { kpi: 'N01951', municipality: '0180', period: 2024, gender: 'K', value: 501000 },
  { kpi: 'N01951', municipality: '0180', period: 2024, gender: 'M', value: 487943 },
  // An organisational unit's value.
  { kpi: 'V99001', ou: 'V15E018000101', period: 2024, value: 12 },
];

const kpis: KoladaKpi[] = [
  ...[...new Set(readFileSync(join(projectRoot, 'data/kolada_kpis.csv'), 'utf8').split('\n').filter((l) => /^[A-Z]\d{5},/.test(l)).map((l) => l.split(',')[0]!))]
    .map((kpi_id) => ({ kpi_id, level: 'municipality' as const })),
  { kpi_id: 'V99001', level: 'ou' },
];

/** Serves `dataset` the way Kolada's v3 does, two rows a page: page 2 linked by next_url, page 3 by v2's next_page. */
function koladaHandler(url: string, failPage?: number) {
  return (path: string, res: ServerResponse) => {
    const u = new URL(path, url);
    const m = /^\/v3\/(data|oudata)\/kpi\/([^/]+)\/year\/([^/]+)$/.exec(u.pathname);
    if (!m) return res.writeHead(404).end();
    const ids = m[2]!.split(',');
    const years = m[3]!.split(',').map(Number);
    const rows = dataset
      .filter((v) => ids.includes(v.kpi) && years.includes(v.period) && (m[1] === 'oudata' ? v.ou : v.municipality))
      .map((v) => ({
        kpi: v.kpi, period: v.period, ...(v.ou ? { ou: v.ou } : { municipality: v.municipality }),
        ...(v.isdeleted ? { isdeleted: true } : {}),
        values: [{ gender: v.gender ?? 'T', count: 1, status: v.status ?? '', value: v.value }],
      }));
    const page = Number(u.searchParams.get('page') ?? 1);
    if (page === failPage) return res.writeHead(503).end('underhåll');
    const slice = rows.slice((page - 1) * 2, page * 2);
    const more = rows.length > page * 2;
    const next = new URL(u.href);
    next.searchParams.set('page', String(page + 1));
    const body = page % 2 === 1
      ? { count: rows.length, values: slice, next_url: more ? next.href : null, previous_url: null }
      : { count: rows.length, values: slice, next_page: more ? next.href : undefined };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
}

describe('pull kolada', () => {
  const dir = tempDir();
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeEach(() => mkdirSync(dir, { recursive: true }));
  afterEach(async () => {
    db?.close();
    await close?.();
    close = undefined;
  });
  const rawDir = () => join(dir, 'raw');

  async function serve(failPage?: number) {
    let handle: ReturnType<typeof koladaHandler> | undefined;
    const server = await startTestServer((req, res) => handle!(req.url!, res));
    handle = koladaHandler(server.url, failPage);
    close = server.close;
    return server;
  }
  const pull = (url: string) => pullKolada(db, { rawDir: rawDir(), baseUrl: `${url}/v3/`, kpis, years: [2023, 2024], http: fast });

  it('pages through next_url and next_page, asks for at most 25 ids at a time, skips deleted rows and keeps nulls with their status', async () => {
    db = await openTestDb(dir);
    const server = await serve();
    mkdirSync(join(rawDir(), '.kolada-999999999-abc123', 'pages'), { recursive: true }); // left by a killed pull
    const report = await pull(server.url);
    expect(report).toMatchObject({ status: 'fetched', rows: 14, deleted: 1, years: [2023, 2024], sourceFileId: 1 });

    // 47 municipality KPIs → two requests of 25 and 22 ids; one oudata request; every id asked exactly once.
    const firstPages = server.seen.map((s) => new URL(s.path, server.url)).filter((u) => !u.searchParams.has('page'));
    const idLists = firstPages.map((u) => u.pathname.split('/')[4]!.split(','));
    expect(firstPages.map((u) => u.pathname.split('/')[2])).toEqual(['data', 'data', 'oudata']);
    expect(idLists.map((l) => l.length)).toEqual([25, 22, 1]);
    expect(idLists.flat().sort()).toEqual(kpis.map((k) => k.kpi_id).sort());
    expect(firstPages.every((u) => u.searchParams.get('per_page') === '5000' && u.pathname.endsWith('/year/2023,2024'))).toBe(true);
    // Two rows a page: the first chunk's 6 rows in 3 pages, the second's 8 (the deleted one included)
    // in 4, linked alternately by next_url and next_page.
    expect(report.requests.map((r) => r.pages)).toEqual([3, 4, 1]);

    const values = await db.all('select kpi, municipality, ou, period, gender, value, status, raw_file from kolada_value order by all');
    expect(values).toContainEqual({ kpi: 'U21451', municipality: '0180', ou: null, period: 2024, gender: 'T', value: null, status: 'Saknas', raw_file: expect.stringMatching(/^pages\/data-1-p\d\.json$/) });
    expect(values).toContainEqual(expect.objectContaining({ kpi: 'N01951', gender: 'K', value: 501000 }));
    expect(values).toContainEqual(expect.objectContaining({ kpi: 'V99001', municipality: null, ou: 'V15E018000101', value: 12 }));
    expect(values.some((v) => (v as { municipality: string }).municipality === '1280')).toBe(false);
    expect(values).toHaveLength(14);
    // The context figure reaches the comparison page through kolada_context: total only, by kommun.
    expect(await db.all(`select kpi_id, unit_id, year, value, page from kolada_context order by all`)).toEqual([
      { kpi_id: 'N01951', unit_id: 'stockholm', year: 2024, value: 988943, page: 'jamforelse' },
    ]);

    // Raw responses and the canonical values file, and nothing half-done beside them.
    expect(readdirSync(rawDir())).toEqual(['kolada']);
    expect(readdirSync(join(rawDir(), 'kolada')).sort()).toEqual(['kolada-values.json', 'pages']);
    expect(readdirSync(join(rawDir(), 'kolada', 'pages'))).toHaveLength(8);
    const source = await db.one<{ kind: string; file_name: string; years: number[]; rows_read: number }>('select kind, file_name, years, rows_read from source_file');
    expect(source).toEqual({ kind: 'kolada', file_name: 'kolada-values.json', years: [2023, 2024], rows_read: 14 });
  });

  it('stores ÖJ answers for kommun-years only Kolada has, never over a workbook, and oj_source_check compares the two', async () => {
    db = await openTestDb(dir);
    const server = await serve();
    // The workbook for 2024: Stockholm and Upplands Väsby.
    const csv = writeText(join(dir, 'oj-2024.csv'), [
      'ar;enhet;indikator;verksamhet;svar',
      '2024;0180;evakuering;sabo;Ja', '2024;0180;evakuering;hemtjanst;Nej', '2024;0180;kontinuitet;sabo;Delvis', '2024;0180;kontinuitet;hemtjanst;Ej svar',
      '2024;0114;evakuering;sabo;Ja',
    ].join('\n'));
    await importOj(db, [csv]);
    const report = await pull(server.url);
    expect(report.answers).toEqual({ added: 3, removed: 0, changed: 0 });

    const answers = await db.all(
      `select year, unit_id, indicator_id, answer, raw_text, kind from oj_answer join source_file using (source_file_id) order by kind, year, unit_id, indicator_id`,
    );
    expect(answers.filter((a) => (a as { kind: string }).kind === 'kolada')).toEqual([
      // Göteborg and Stockholm in 2023; 0.5 (outside the coding) is left out; Stockholm 2024 stays the workbook's.
      { year: 2023, unit_id: 'goteborg', indicator_id: 'evakuering_sabo', answer: 'nej', raw_text: '0', kind: 'kolada' },
      { year: 2023, unit_id: 'stockholm', indicator_id: 'evakuering_hemtjanst', answer: 'nej', raw_text: '0', kind: 'kolada' },
      { year: 2023, unit_id: 'stockholm', indicator_id: 'evakuering_sabo', answer: 'ja', raw_text: '1', kind: 'kolada' },
    ]);
    expect(answers.filter((a) => (a as { kind: string }).kind === 'oj_csv')).toHaveLength(5);

    const check = await db.all(`select year, unit_id, indicator_id, workbook_answer, kolada_value, kolada_status, kolada_answer, comparison from oj_source_check order by all`);
    expect(check).toEqual([
      { year: 2023, unit_id: 'goteborg', indicator_id: 'evakuering_sabo', workbook_answer: null, kolada_value: 0, kolada_status: null, kolada_answer: 'nej', comparison: 'only_kolada' },
      { year: 2023, unit_id: 'stockholm', indicator_id: 'evakuering_hemtjanst', workbook_answer: null, kolada_value: 0, kolada_status: null, kolada_answer: 'nej', comparison: 'only_kolada' },
      { year: 2023, unit_id: 'stockholm', indicator_id: 'evakuering_sabo', workbook_answer: null, kolada_value: 1, kolada_status: null, kolada_answer: 'ja', comparison: 'only_kolada' },
      { year: 2023, unit_id: 'stockholm', indicator_id: 'varme_sabo', workbook_answer: null, kolada_value: 0.5, kolada_status: null, kolada_answer: null, comparison: 'only_kolada' },
      { year: 2024, unit_id: 'stockholm', indicator_id: 'evakuering_hemtjanst', workbook_answer: 'nej', kolada_value: 1, kolada_status: null, kolada_answer: 'ja', comparison: 'differs' },
      { year: 2024, unit_id: 'stockholm', indicator_id: 'evakuering_hsl', workbook_answer: null, kolada_value: 0, kolada_status: null, kolada_answer: 'nej', comparison: 'only_kolada' },
      { year: 2024, unit_id: 'stockholm', indicator_id: 'evakuering_sabo', workbook_answer: 'ja', kolada_value: 1, kolada_status: null, kolada_answer: 'ja', comparison: 'agree' },
      { year: 2024, unit_id: 'stockholm', indicator_id: 'kontinuitet_hemtjanst_2023', workbook_answer: 'ej_svar', kolada_value: null, kolada_status: 'Saknas', kolada_answer: null, comparison: 'agree' },
      { year: 2024, unit_id: 'stockholm', indicator_id: 'kontinuitet_sabo_2023', workbook_answer: 'delvis', kolada_value: 1, kolada_status: null, kolada_answer: 'delvis', comparison: 'agree' },
      { year: 2024, unit_id: 'upplands-vasby', indicator_id: 'evakuering_sabo', workbook_answer: 'ja', kolada_value: null, kolada_status: null, kolada_answer: null, comparison: 'only_workbook' },
    ]);
  });

  it('the same values again import nothing; a failed page leaves the database and raw/kolada as they were, with no temp directory', async () => {
    db = await openTestDb(dir);
    const server = await serve();
    await pull(server.url);
    const snapshot = async () => ({
      files: await db.all('select source_file_id, sha256, superseded_by from source_file order by all'),
      values: await db.one('select count(*)::int as n from kolada_value'),
      answers: await db.one('select count(*)::int as n from oj_answer'),
      raw: readdirSync(join(rawDir(), 'kolada', 'pages')).sort(),
    });
    const before = await snapshot();
    const again = await pull(server.url);
    expect(again).toMatchObject({ status: 'unchanged', previous: { source_file_id: 1 } });
    expect(await snapshot()).toEqual(before);

    await close!();
    const failing = await serve(3);
    const failed = await pull(failing.url);
    expect(failed).toMatchObject({ status: 'failed', reason: 'http' });
    expect(failed.message).toMatch(/^servern svarade HTTP 503 för http:\/\/127\.0\.0\.1:\d+\/v3\/data\/kpi\/.*page=3 \(efter 2 försök\)$/);
    expect(await snapshot()).toEqual(before);
    expect(readdirSync(rawDir())).toEqual(['kolada']);
  });

  it('a workbook for a year Kolada filled takes its place; Kolada\'s answers stay for the kommuner it leaves out', async () => {
    db = await openTestDb(dir);
    const kolada = await serve();
    await pull(kolada.url);
    await close!();
    const workbook = readFileSync(await writeXlsx(join(dir, 'wb.xlsx'), [{
      name: 'Kommuner',
      rows: [
        ['Öppna jämförelser 2023 – Krisberedskap'],
        ['Kommunkod', 'Kommun', 'Plan för evakuering', null],
        [null, null, 'Särskilt boende för äldre', 'Hemtjänst'],
        ['0180', 'Stockholm', 'Nej', 'Nej'],
      ],
      merges: ['C2:D2'],
    }]));
    const socialstyrelsen = await startTestServer((_req, res) => res.writeHead(200).end(workbook));
    close = socialstyrelsen.close;
    const sources = writeText(join(dir, 'sources.csv'), 'year,url,sha256,note\n2023,https://x.invalid/oj-2023.xlsx,,\n');
    const report = await pullOj(db, { sourcesPath: sources, rawDir: rawDir(), baseUrl: socialstyrelsen.url, http: fast });
    expect(report.problems).toEqual([]);
    expect(report.imports).toMatchObject([{ status: 'imported', years: [2023] }]);
    const answers = await db.all(`select unit_id, indicator_id, answer, kind from oj_answer join source_file using (source_file_id) where year = 2023 order by all`);
    expect(answers).toEqual([
      { unit_id: 'goteborg', indicator_id: 'evakuering_sabo', answer: 'nej', kind: 'kolada' },
      { unit_id: 'stockholm', indicator_id: 'evakuering_hemtjanst', answer: 'nej', kind: 'oj_workbook' },
      { unit_id: 'stockholm', indicator_id: 'evakuering_sabo', answer: 'nej', kind: 'oj_workbook' },
    ]);
    expect(await db.one(`select comparison from oj_source_check where year = 2023 and unit_id = 'stockholm' and indicator_id = 'evakuering_sabo'`)).toEqual({ comparison: 'differs' });
    expect(existsSync(join(rawDir(), 'kolada', 'kolada-values.json'))).toBe(true);
  });
});

describe('pull kolada, offline', () => {
  const dir = tempDir();
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('says in one line that Kolada cannot be reached, keeps what it had, and ends as offline', async () => {
    db = await openTestDb(dir);
    const server = await startTestServer(() => {});
    await server.close();
    const out: string[] = [];
    const outcome = await runPull(db, {
      source: 'kolada', configDir: dir, json: false, quiet: true, out: (t) => out.push(t), printImports: () => {},
      env: { KOLADA_BASE_URL: `${server.url}/v3`, BEREDSKAP_RAW_DIR: join(dir, 'raw') }, http: fast,
    });
    expect(outcome).toBe('offline');
    expect(out).toEqual([`Kolada kan inte nås: ${server.url.slice('http://'.length)} kan inte nås (ECONNREFUSED). Databasen behåller tidigare hämtade Kolada-värden.`]);
    expect(readdirSync(join(dir, 'raw'))).toEqual([]);
    expect(await db.one('select count(*)::int as n from source_file')).toEqual({ n: 0 });
  });
});

describe('Kolada responses (pure)', () => {
  it('plans chunks of at most 25 ids per level', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ kpi_id: `N${String(i).padStart(5, '0')}`, level: 'municipality' as const }));
    const plan = planRequests(many, [2024, 2023]);
    expect(plan.map((p) => p.kpis.length)).toEqual([25, 25, 10]);
    expect(plan.every((p) => p.kpis.length <= idsPerRequest && p.path.endsWith('/year/2023,2024'))).toBe(true);
  });

  it('reads a v2 page (next_page, no count) and names what is wrong with a malformed one', () => {
    const page = parsePage({ values: [{ kpi: 'N01951', municipality: '0180', period: '2024', values: [{ gender: 'T', value: '12.5', status: ' ' }, { gender: 'K', value: 1, isdeleted: true }] }], next_page: 'http://x/next' }, 'p1.json');
    expect(page).toEqual({ deleted: 1, next: 'http://x/next', rows: [{ kpi: 'N01951', municipality: '0180', ou: null, period: 2024, gender: 'T', value: 12.5, status: null, count: null, rawFile: 'p1.json', rawRow: 1 }] });
    expect(() => parsePage({ count: 1 }, 'p.json')).toThrow('svaret saknar listan "values"');
    expect(() => parsePage({ values: [{ kpi: 'N1', period: 2024, values: [] }] }, 'p.json')).toThrow(/rad 1 saknar kpi, period, kommun\/enhet eller värden/);
  });

  it('gives the same bytes for the same values however the pages fell', () => {
    const row = (kpi: string, value: number, rawFile: string) => ({ kpi, municipality: '0180', ou: null, period: 2024, gender: 'T', value, status: null, count: null, rawFile, rawRow: 1 });
    const a = canonicalValues([row('B', 2, 'p1'), row('A', 1, 'p1')]);
    const b = canonicalValues([row('A', 1, 'p2'), row('B', 2, 'p3')]);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.rows.map((r) => r.kpi)).toEqual(['A', 'B']);
  });
});
