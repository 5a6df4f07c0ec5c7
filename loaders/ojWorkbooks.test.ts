// `pull oj` against a real HTTP server on 127.0.0.1: every way a download can go wrong, and for each
// what ends in the database and in the raw directory (never a part file, never a double import), and
// that the message names the cause. Timeouts and backoffs are short through options.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Database } from '../src/db/database.ts';
import { configDir, openTestDb, repositoryConfigDir, tempDir, writeText, writeXlsx } from '../src/test/helpers.ts';
import type { HttpOptions } from './http.ts';
import { pullOj, readSources, withBaseUrl, type PullOjOptions } from './ojWorkbooks.ts';
import { runPull } from './pullCommand.ts';
import { startTestServer } from './testServer.ts';

const fast: HttpOptions = { retries: 2, backoffMs: 5, totalTimeoutMs: 400, connectTimeoutMs: 400 };

/** A small ÖJ workbook: title row with the year, a two-level header, riket and two kommuner. */
async function workbookBytes(dir: string, year: number, stockholm: string[] = ['Ja', 'Nej', 'Delvis', '-']): Promise<Buffer> {
  const path = await writeXlsx(join(dir, `wb-${year}-${stockholm.join('')}.xlsx`), [{
    name: 'Kommuner',
    rows: [
      [`Öppna jämförelser ${year} – Krisberedskap`],
      [],
      ['Kommunkod', 'Kommun', 'Plan för evakuering', null, 'Aktuell kontinuitetsplan', null],
      [null, null, 'Särskilt boende för äldre', 'Hemtjänst', 'Särskilt boende för äldre', 'Hemtjänst'],
      [null, 'Riket', '57 %', '43', '24', '23'],
      ['0180', 'Stockholm', ...stockholm],
      ['0114', 'Upplands Väsby', 'Ja', 'Ja', 'Nej', 'Ja'],
    ],
    merges: ['C3:D3', 'E3:F3'],
  }]);
  return readFileSync(path);
}

const counts = async (db: Database) => (await db.one<{ files: number; answers: number }>(
  'select (select count(*) from source_file)::int as files, (select count(*) from oj_answer)::int as answers',
))!;

describe('pull oj', () => {
  const dir = tempDir();
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  // tempDir removes the directory after each test; each test starts with it (and raw/oj/) present.
  beforeEach(() => mkdirSync(join(dir, 'raw', 'oj'), { recursive: true }));
  afterEach(async () => {
    db?.close();
    await close?.();
    close = undefined;
  });

  const rawDir = () => join(dir, 'raw');
  /** The raw directory's files, hidden ones included: a part file left behind would show here. */
  const rawFiles = () => readdirSync(join(rawDir(), 'oj')).sort();
  const sources = (lines = '2024,https://oj.example.invalid/files/oj-2024.xlsx,,') => writeText(join(dir, 'sources.csv'), `# test\nyear,url,sha256,note\n${lines}\n`);
  async function serve(handler: Parameters<typeof startTestServer>[0]) {
    const server = await startTestServer(handler);
    close = server.close;
    return server;
  }
  const options = (baseUrl: string, more: Partial<PullOjOptions> = {}): PullOjOptions => ({ sourcesPath: sources(), rawDir: rawDir(), baseUrl, http: fast, ...more });

  it('follows a redirect, downloads a good workbook through a temp file, keeps its ETag and Last-Modified, and imports it', async () => {
    db = await openTestDb(dir);
    const bytes = await workbookBytes(dir, 2024);
    const server = await serve((req, res) => {
      if (req.url === '/files/oj-2024.xlsx') return res.writeHead(301, { location: '/real/oj-2024.xlsx' }).end();
      res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', etag: '"v1"', 'last-modified': 'Mon, 01 Apr 2024 08:00:00 GMT', 'content-length': bytes.length });
      res.end(bytes);
    });
    // A part file of a pull killed mid-download (its process is gone) is cleared away.
    writeFileSync(join(rawDir(), 'oj', '.oj-krisberedskap-2024.xlsx.part-999999999-deadbeef'), 'halv');
    const report = await pullOj(db, options(server.url));
    // OJ_BASE_URL replaced scheme and host; the path is the one in sources.csv.
    expect(server.seen.map((s) => s.path)).toEqual(['/files/oj-2024.xlsx', '/real/oj-2024.xlsx']);
    expect(report.files).toMatchObject([{ year: 2024, status: 'fetched', bytes: bytes.length, toImport: true }]);
    expect(report.imports).toMatchObject([{ file: 'oj-krisberedskap-2024.xlsx', status: 'imported', years: [2024] }]);
    expect(rawFiles()).toEqual(['.state.json', 'oj-krisberedskap-2024.xlsx']);
    expect(readFileSync(join(rawDir(), 'oj', 'oj-krisberedskap-2024.xlsx'))).toEqual(bytes);
    expect(JSON.parse(readFileSync(join(rawDir(), 'oj', '.state.json'), 'utf8'))['oj-krisberedskap-2024.xlsx']).toMatchObject({ etag: '"v1"', lastModified: 'Mon, 01 Apr 2024 08:00:00 GMT' });
    expect(await counts(db)).toEqual({ files: 1, answers: 8 });
  });

  it('sends the validators next time; a 304 imports nothing and says so', async () => {
    db = await openTestDb(dir);
    const bytes = await workbookBytes(dir, 2024);
    const server = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"' }).end(bytes);
    });
    await pullOj(db, options(server.url));
    const out: string[] = [];
    const outcome = await runPull(db, {
      source: 'oj', configDir: dir, json: false, quiet: true, out: (t) => out.push(t), printImports: () => out.push('import!'),
      env: { OJ_BASE_URL: server.url, BEREDSKAP_RAW_DIR: rawDir() }, http: fast,
    });
    expect(server.seen[1]!.headers['if-none-match']).toBe('"v1"');
    expect(outcome).toBe('ok');
    expect(out).toEqual(['2024: oförändrad på servern (304); inget importerat.']);
    expect(rawFiles()).toEqual(['.state.json', 'oj-krisberedskap-2024.xlsx']);
    expect(await counts(db)).toEqual({ files: 1, answers: 8 });
  });

  it('retries a 500 twice and imports the third answer once', async () => {
    db = await openTestDb(dir);
    const bytes = await workbookBytes(dir, 2024);
    const server = await serve((_req, res, seen) => {
      if (seen.length <= 2) return res.writeHead(500).end('trasigt');
      res.writeHead(200).end(bytes);
    });
    const report = await pullOj(db, options(server.url));
    expect(server.seen).toHaveLength(3);
    expect(report.files).toMatchObject([{ status: 'fetched', attempts: 3 }]);
    expect(rawFiles()).toEqual(['.state.json', 'oj-krisberedskap-2024.xlsx']);
    expect(await counts(db)).toEqual({ files: 1, answers: 8 });
  });

  it('gives up on a response slower than the timeout after the bounded retries, leaving no part file', async () => {
    db = await openTestDb(dir);
    const bytes = await workbookBytes(dir, 2024);
    // Headers and the first bytes at once, then nothing: the total timeout must still end it.
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': bytes.length });
      res.write(bytes.subarray(0, 100));
    });
    const started = Date.now();
    const report = await pullOj(db, options(server.url, { http: { ...fast, retries: 1, totalTimeoutMs: 200 } }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server.seen).toHaveLength(2);
    expect(report.files).toMatchObject([{ status: 'failed', reason: 'timeout', cached: false }]);
    expect(report.files[0]!.message).toBe('inget fullständigt svar inom 0,2 s (efter 2 försök)');
    expect(rawFiles()).toEqual([]);
    expect(await counts(db)).toEqual({ files: 0, answers: 0 });
  });

  it('refuses a truncated body (Content-Length larger than sent), retrying, and keeps nothing of it', async () => {
    db = await openTestDb(dir);
    const bytes = await workbookBytes(dir, 2024);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': bytes.length });
      res.write(bytes.subarray(0, 1000), () => res.destroy());
    });
    const report = await pullOj(db, options(server.url));
    expect(server.seen).toHaveLength(3);
    expect(report.files[0]).toMatchObject({ status: 'failed', reason: 'truncated' });
    expect(report.files[0]!.message).toBe(`överföringen avbröts: fick 1000 av ${bytes.length} byte (efter 3 försök)`);
    expect(rawFiles()).toEqual([]);
    expect(await counts(db)).toEqual({ files: 0, answers: 0 });
  });

  it('rejects an HTML page served with status 200, naming its title; the copy from before stays in use', async () => {
    db = await openTestDb(dir);
    const bytes = await workbookBytes(dir, 2024);
    let portalDown = false;
    const server = await serve((_req, res) => {
      if (!portalDown) return res.writeHead(200, { etag: '"v1"' }).end(bytes);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html>\n<html lang="sv"><head><title>Sidan kunde inte hittas &ndash; Socialstyrelsen</title></head><body>…</body></html>');
    });
    await pullOj(db, options(server.url));
    portalDown = true;
    const out: string[] = [];
    const outcome = await runPull(db, {
      source: 'oj', configDir: dir, json: false, quiet: true, out: (t) => out.push(t), printImports: () => out.push('import!'),
      env: { OJ_BASE_URL: server.url, BEREDSKAP_RAW_DIR: rawDir() }, http: fast,
    });
    expect(server.seen).toHaveLength(2); // an error page is not retried
    expect(outcome).toBe('failed');
    expect(out).toEqual([
      '2024: misslyckades – servern svarade med en HTML-sida ("Sidan kunde inte hittas – Socialstyrelsen") i stället för filen – troligen en felsida eller en sida som har flyttat; rätta raden för 2024 i sources.csv (rad 3) om adressen är fel. Den tidigare hämtade filen används.',
    ]);
    expect(readFileSync(join(rawDir(), 'oj', 'oj-krisberedskap-2024.xlsx'))).toEqual(bytes);
    expect(rawFiles()).toEqual(['.state.json', 'oj-krisberedskap-2024.xlsx']);
    expect(await counts(db)).toEqual({ files: 1, answers: 8 });
  });

  it('stops a body over the size limit, whether Content-Length announces it or not', async () => {
    db = await openTestDb(dir);
    const big = Buffer.alloc(40_000, 7);
    const server = await serve((req, res) => {
      if (req.url!.includes('2024')) return res.writeHead(200, { 'content-length': big.length }).end(big);
      res.writeHead(200); // chunked: the size shows only while reading
      for (let i = 0; i < 10; i++) res.write(big.subarray(0, 4000));
      res.end();
    });
    const report = await pullOj(db, {
      ...options(server.url, { http: { ...fast, maxBytes: 10_000 } }),
      sourcesPath: sources('2024,https://x.invalid/oj-2024.xlsx,,\n2023,https://x.invalid/oj-2023.xlsx,,'),
    });
    expect(report.files.map((f) => [f.year, f.reason, f.message])).toEqual([
      [2024, 'too_large', 'filen är 39,1 kB, större än gränsen 9,8 kB; rätta raden för 2024 i sources.csv (rad 3) om adressen är fel'],
      [2023, 'too_large', 'svaret blev större än gränsen 9,8 kB; hämtningen avbröts; rätta raden för 2023 i sources.csv (rad 4) om adressen är fel'],
    ]);
    expect(server.seen).toHaveLength(2);
    expect(rawFiles()).toEqual([]);
    expect(await counts(db)).toEqual({ files: 0, answers: 0 });
  });

  it('stops a redirect loop and a wrong URL (404), naming the chain, the status and the line to edit', async () => {
    db = await openTestDb(dir);
    const server = await serve((req, res) => {
      if (req.url === '/oj-2024.xlsx') return res.writeHead(302, { location: '/a' }).end();
      if (req.url === '/a') return res.writeHead(302, { location: '/b' }).end();
      if (req.url === '/b') return res.writeHead(302, { location: '/a' }).end();
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><head><title>404 – Sidan finns inte</title></head></html>');
    });
    const report = await pullOj(db, {
      ...options(server.url),
      sourcesPath: sources('2024,https://x.invalid/oj-2024.xlsx,,\n2023,https://x.invalid/fel-2023.xlsx,,'),
    });
    const u = server.url;
    expect(report.files.map((f) => [f.reason, f.message])).toEqual([
      ['redirect', `omdirigeringsslinga: ${u}/oj-2024.xlsx → ${u}/a → ${u}/b → ${u}/a; rätta raden för 2024 i sources.csv (rad 3) om adressen är fel`],
      ['http', `servern svarade HTTP 404 ("404 – Sidan finns inte") för ${u}/fel-2023.xlsx; rätta raden för 2023 i sources.csv (rad 4) om adressen är fel`],
    ]);
    expect(server.seen.map((s) => s.path)).toEqual(['/oj-2024.xlsx', '/a', '/b', '/fel-2023.xlsx']); // the loop is seen before /a is asked again; neither is retried
    expect(rawFiles()).toEqual([]);
    expect(await counts(db)).toEqual({ files: 0, answers: 0 });
  });

  it('refuses content that differs from the sha256 in sources.csv', async () => {
    db = await openTestDb(dir);
    const bytes = await workbookBytes(dir, 2024);
    const server = await serve((_req, res) => res.writeHead(200).end(bytes));
    const report = await pullOj(db, { ...options(server.url), sourcesPath: sources(`2024,https://x.invalid/oj-2024.xlsx,${'ab'.repeat(32)},`) });
    expect(report.files[0]).toMatchObject({ reason: 'checksum' });
    expect(report.files[0]!.message).toMatch(/^innehållet stämmer inte med förväntad sha256 abababababab… \(fick [0-9a-f]{12}…\)/);
    expect(rawFiles()).toEqual([]);
  });

  it('offline: one line for the host, the other years are not tried, and a cached file never imported is imported', async () => {
    db = await openTestDb(dir);
    const server = await startTestServer(() => {});
    await server.close(); // a port nobody listens on any more: connection refused
    writeFileSync(join(rawDir(), 'oj', 'oj-krisberedskap-2024.xlsx'), await workbookBytes(dir, 2024), { flag: 'w' });
    sources('2024,https://x.invalid/oj-2024.xlsx,,\n2023,https://x.invalid/oj-2023.xlsx,,');
    const out: string[] = [];
    const outcome = await runPull(db, {
      source: 'oj', configDir: dir, json: false, quiet: true, out: (t) => out.push(t), printImports: (r) => out.push(`importerad: ${r.map((x) => x.file).join(', ')}`),
      env: { OJ_BASE_URL: server.url, BEREDSKAP_RAW_DIR: rawDir() }, http: fast,
    });
    expect(outcome).toBe('offline');
    expect(out).toEqual([
      `Offline: ${server.url.slice('http://'.length)} kan inte nås (ECONNREFUSED). 2 år kunde inte hämtas; fortsätter med 1 tidigare hämtade filer.`,
      'importerad: oj-krisberedskap-2024.xlsx',
    ]);
    expect(await counts(db)).toEqual({ files: 1, answers: 8 });
  });

  it('a year without a verified address asks nobody and says in one line where to get the file and how to import it', async () => {
    const config = join(dir, 'config');
    cpSync(configDir, config, { recursive: true, filter: (src) => !/\.duckdb|^raw$|^sample$/.test(basename(src)) });
    writeText(join(config, 'sources.csv'), 'year,url,sha256,result_page,note\n2022,,,https://resultat.example.invalid/krisberedskap,\n2023,,,https://resultat.example.invalid/krisberedskap,\n');
    const saved = process.env.BEREDSKAP_RAW_DIR;
    process.env.BEREDSKAP_RAW_DIR = rawDir();
    try {
      const out: string[] = [];
      expect(await main(['pull', 'oj', '--db', join(dir, 'cli.duckdb'), '--config', config, '--quiet'], (t) => out.push(t))).toBe(0);
      expect(out).toEqual(['2022, 2023: ingen verifierad adress i sources.csv – ladda ner Excelfilen från resultatsidan https://resultat.example.invalid/krisberedskap och kör `beredskap import oj FIL`.']);
    } finally {
      if (saved === undefined) delete process.env.BEREDSKAP_RAW_DIR;
      else process.env.BEREDSKAP_RAW_DIR = saved;
    }
  });

  it('the CLI: exit 0 with a --json summary, 5 when a source answers wrongly, 2 on usage errors', async () => {
    const config = join(dir, 'config');
    cpSync(configDir, config, { recursive: true, filter: (src) => !/\.duckdb|^raw$|^sample$/.test(basename(src)) });
    const bytes = await workbookBytes(dir, 2024);
    const server = await serve((req, res) => (req.url!.includes('2024') ? res.writeHead(200).end(bytes) : res.writeHead(404).end()));
    writeText(join(config, 'sources.csv'), 'year,url,sha256,note\n2024,https://x.invalid/oj-2024.xlsx,,\n2023,https://x.invalid/oj-2023.xlsx,,\n');
    const saved = { base: process.env.OJ_BASE_URL, raw: process.env.BEREDSKAP_RAW_DIR };
    process.env.OJ_BASE_URL = server.url;
    process.env.BEREDSKAP_RAW_DIR = rawDir();
    try {
      const dbPath = join(dir, 'cli.duckdb');
      const out: string[] = [];
      expect(await main(['pull', 'oj', '--year', '2024', '--db', dbPath, '--config', config, '--json', '--quiet'], (t) => out.push(t))).toBe(0);
      const summary = JSON.parse(out.join(''));
      expect(summary).toMatchObject({ source: 'oj', outcome: 'ok', files: [{ year: 2024, status: 'fetched' }], imports: [{ status: 'imported' }], problems: [] });
      expect(await main(['pull', 'oj', '--all', '--db', dbPath, '--config', config, '--quiet'], () => {})).toBe(5);
      expect(await main(['pull', 'oj', '--all', '--year', '2024', '--db', dbPath], () => {})).toBe(2);
      expect(await main(['pull', 'kolada', '--year', '2024', '--db', dbPath], () => {})).toBe(2);
      expect(await main(['pull', 'nothing', '--db', dbPath], () => {})).toBe(2);
    } finally {
      if (saved.base === undefined) delete process.env.OJ_BASE_URL;
      else process.env.OJ_BASE_URL = saved.base;
      if (saved.raw === undefined) delete process.env.BEREDSKAP_RAW_DIR;
      else process.env.BEREDSKAP_RAW_DIR = saved.raw;
    }
  });
});

describe('data/sources.csv', () => {
  it('lists every ÖJ year 2016–2024 with its result page; an address only where one is known (2024), none guessed', () => {
    const sources = readSources(join(repositoryConfigDir, 'sources.csv'));
    expect(sources.map((s) => s.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(sources.every((s) => s.resultPage?.startsWith('https://www.socialstyrelsen.se/'))).toBe(true);
    expect(sources.filter((s) => s.url !== null).map((s) => s.url)).toEqual([
      'https://www.socialstyrelsen.se/globalassets/sharepoint-dokument/artikelkatalog/oppna-jamforelser/2024-6-9161.xlsx',
    ]);
  });

  it('OJ_BASE_URL replaces scheme and host, keeping any path of its own in front', () => {
    expect(withBaseUrl('https://www.socialstyrelsen.se/a/b.xlsx?x=1', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/a/b.xlsx?x=1');
    expect(withBaseUrl('https://www.socialstyrelsen.se/a/b.xlsx', 'http://mirror.local/spegel/')).toBe('http://mirror.local/spegel/a/b.xlsx');
    expect(withBaseUrl('https://www.socialstyrelsen.se/a/b.xlsx', undefined)).toBe('https://www.socialstyrelsen.se/a/b.xlsx');
  });
});
