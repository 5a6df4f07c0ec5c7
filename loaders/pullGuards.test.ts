// Issue 14: pulls that meet bad files and misbehaving servers go on, hold no lock while downloading,
// and never follow Kolada elsewhere. Real HTTP servers on 127.0.0.1, real DuckDB files and workbooks.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Database } from '../src/db/database.ts';
import { InputError } from '../src/text/problems.ts';
import { projectRoot } from '../src/paths.ts';
import { configDir, openTestDb, tempDir, writeText, writeXlsx } from '../src/test/helpers.ts';
import { xlsxBomb } from '../src/test/zipBomb.ts';
import { download, type HttpOptions } from './http.ts';
import { pullKolada } from './kolada.ts';
import { quarantineDirName } from './ojWorkbooks.ts';
import { runPull } from './pullCommand.ts';
import { startTestServer } from './testServer.ts';

const fast: HttpOptions = { retries: 1, backoffMs: 5, totalTimeoutMs: 1000, connectTimeoutMs: 1000 };

async function workbook(dir: string, year: number, rows = true): Promise<Buffer> {
  const path = await writeXlsx(join(dir, `wb-${year}-${rows}.xlsx`), [{
    name: 'Kommuner',
    rows: [
      [`Öppna jämförelser ${year} – Krisberedskap`],
      ['Kommunkod', 'Kommun', 'Plan för evakuering – Hemtjänst'],
      ...(rows ? [['0180', 'Stockholm', 'Ja'], ['0114', 'Upplands Väsby', 'Nej']] : []),
    ],
  }]);
  return readFileSync(path);
}

describe('pull guards', () => {
  const dir = tempDir();
  let db: Database | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeEach(() => mkdirSync(join(dir, 'raw', 'oj'), { recursive: true }));
  afterEach(async () => {
    db?.close();
    db = undefined;
    delete process.env.BEREDSKAP_MAX_UNZIPPED_MB;
    await close?.();
    close = undefined;
  });
  const rawDir = () => join(dir, 'raw');
  const sources = (lines: string) => writeText(join(dir, 'sources.csv'), `year,url,sha256,note\n${lines}\n`);
  async function serve(handler: Parameters<typeof startTestServer>[0]) {
    const server = await startTestServer(handler);
    close = server.close;
    return server;
  }

  it('sets a downloaded file the importer refuses aside (said once), imports the other years, and skips the same file later', async () => {
    db = await openTestDb(dir);
    const good = await workbook(dir, 2024);
    const empty = await workbook(dir, 2023, false);
    const server = await serve((req, res) => res.writeHead(200).end(req.url!.includes('2024') ? good : empty));
    sources('2024,https://x.invalid/oj-2024.xlsx,,\n2023,https://x.invalid/oj-2023.xlsx,,');
    const run = async (replace = false) => {
      const out: string[] = [];
      const err: string[] = [];
      const outcome = await runPull(db!, {
        source: 'oj', replace, configDir: dir, json: false, quiet: true, out: (t) => out.push(t), err: (t) => err.push(t),
        printImports: (r) => out.push(`importerad: ${r.map((x) => x.file).join(', ')}`),
        env: { OJ_BASE_URL: server.url, BEREDSKAP_RAW_DIR: rawDir() }, http: fast,
      });
      return { outcome, out, err };
    };
    const first = await run();
    expect(first.outcome).toBe('badInput');
    expect(first.out).toContain('importerad: oj-krisberedskap-2024.xlsx');
    expect(first.err.join('\n')).toMatch(/oj-krisberedskap-2023\.xlsx: filen innehåller inga uppgifter/);
    expect(first.err.join('\n')).toMatch(/oj-krisberedskap-2023\.xlsx är flyttad till karantän/);
    const quarantine = join(rawDir(), 'oj', quarantineDirName);
    expect(readdirSync(quarantine).sort()).toEqual(['karantan.json', expect.stringMatching(/^oj-krisberedskap-2023-[0-9a-f]{12}\.xlsx$/)]);
    expect(existsSync(join(rawDir(), 'oj', 'oj-krisberedskap-2023.xlsx'))).toBe(false);
    expect(await db.all('select years from source_file')).toEqual([{ years: [2024] }]);

    // The server still has the same bad file: one line, no error, and the pull goes on.
    const second = await run();
    expect(second.outcome).toBe('ok');
    expect(second.err).toEqual([]);
    expect(second.out.filter((l) => /karantän/.test(l))).toEqual([expect.stringMatching(/^2023: samma fil som tidigare sattes i karantän \(filen innehåller inga uppgifter.*\); importeras inte igen förrän data\/ ändras/)]);
    // --replace is a new decision: the file is tried again (and here refused again, said again).
    const third = await run(true);
    expect(third.outcome).toBe('badInput');
    expect(third.err.join('\n')).toMatch(/oj-krisberedskap-2023\.xlsx är flyttad till karantän/);
  });

  it('a zip bomb left in raw/ from before is refused by size, set aside, and the next pull reaches Kolada', async () => {
    process.env.BEREDSKAP_MAX_UNZIPPED_MB = '2';
    const config = join(dir, 'config');
    cpSync(configDir, config, { recursive: true, filter: (src) => !/\.duckdb|^raw$|^sample$/.test(basename(src)) });
    writeText(join(config, 'sources.csv'), 'year,url,sha256,note\n2024,https://x.invalid/oj-2024.xlsx,,\n');
    writeFileSync(join(rawDir(), 'oj', 'oj-krisberedskap-2024.xlsx'), xlsxBomb(24, true));
    const server = await serve((req, res) => {
      if (req.url!.startsWith('/v3/')) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ values: [{ kpi: 'N01951', municipality: '0180', period: 2024, values: [{ gender: 'T', value: 1000 }] }] }));
      res.writeHead(503).end();
    });
    const saved = { ...process.env };
    Object.assign(process.env, { OJ_BASE_URL: server.url, KOLADA_BASE_URL: `${server.url}/v3`, BEREDSKAP_RAW_DIR: rawDir() });
    try {
      const dbPath = join(dir, 'cli.duckdb');
      const args = ['pull', '--db', dbPath, '--config', config, '--quiet'];
      expect(await main(args, () => {})).toBe(1);
      expect(readdirSync(join(rawDir(), 'oj', quarantineDirName))).toHaveLength(2);
      // 503 from Socialstyrelsen (exit 5), but nothing left to stumble on, and Kolada stored.
      expect(await main(args, () => {})).toBe(5);
      db = await openTestDb(dir, 'cli.duckdb');
      expect(await db.all(`select kind from source_file order by source_file_id`)).toEqual([{ kind: 'kolada' }]);
    } finally {
      for (const k of ['OJ_BASE_URL', 'KOLADA_BASE_URL', 'BEREDSKAP_RAW_DIR']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });

  it('holds no database lock while a slow server sends its file', async () => {
    const config = join(dir, 'config');
    cpSync(configDir, config, { recursive: true, filter: (src) => !/\.duckdb|^raw$|^sample$/.test(basename(src)) });
    writeText(join(config, 'sources.csv'), 'year,url,sha256,note\n2024,https://x.invalid/oj-2024.xlsx,,\n');
    const good = await workbook(dir, 2024);
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked: () => void = () => {};
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    const server = await serve((_req, res) => {
      asked();
      void released.then(() => res.writeHead(200).end(good));
    });
    const dbPath = join(dir, 'cli.duckdb');
    const saved = { ...process.env };
    Object.assign(process.env, { OJ_BASE_URL: server.url, BEREDSKAP_RAW_DIR: rawDir() });
    try {
      const pulling = main(['pull', 'oj', '--db', dbPath, '--config', config, '--quiet'], () => {});
      await wasAsked;
      // Another process writes to the database while the download is under way.
      const child = spawn(process.execPath, [join(projectRoot, 'src/bin.js'), 'init', '--db', dbPath, '--config', config], { stdio: 'ignore' });
      const code = await new Promise((resolve) => child.on('exit', resolve));
      release();
      expect(code).toBe(0);
      expect(await pulling).toBe(0);
    } finally {
      for (const k of ['OJ_BASE_URL', 'BEREDSKAP_RAW_DIR']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });

  it('gives each file an overall deadline that retries do not stretch', async () => {
    const server = await serve(() => {}); // accepts, never answers
    const started = Date.now();
    await expect(download(`${server.url}/slow.xlsx`, join(dir, 'slow.xlsx'), { retries: 5, backoffMs: 50, totalTimeoutMs: 300, connectTimeoutMs: 300, deadlineMs: 500 }))
      .rejects.toMatchObject({ reason: 'timeout' });
    // Five retries of 300 ms would take 1.5 s and more; the deadline stops after two attempts.
    expect(server.seen.length).toBeLessThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  describe('Kolada', () => {
    const kpis = [{ kpi_id: 'U33626', level: 'municipality' as const }];
    let pages: (url: string) => string = () => '';
    async function kolada() {
      const server = await serve((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(pages(`${server.url}${req.url}`)));
      return server;
    }
    const values = (kommuner: string[]) => kommuner.map((m) => ({ kpi: 'U33626', municipality: m, period: 2023, values: [{ gender: 'T', value: 1 }] }));
    const pull = (url: string, replace?: boolean) => pullKolada(db!, { rawDir: rawDir(), baseUrl: `${url}/v3`, kpis, years: [2023], http: fast, replace });
    const stored = async () => (await db!.one<{ n: number }>(`select count(*)::int as n from oj_answer join source_file using (source_file_id) where kind = 'kolada'`))!.n;

    it('an empty 200 response is a failed pull, not a crash; the database keeps what it had', async () => {
      db = await openTestDb(dir);
      const server = await kolada();
      pages = () => JSON.stringify({ values: values(['0180', '1480']) });
      expect(await pull(server.url)).toMatchObject({ status: 'fetched' });
      pages = () => '';
      expect(await pull(server.url)).toMatchObject({ status: 'failed', reason: 'content', message: expect.stringMatching(/tomt svar/) });
      pages = () => JSON.stringify({ values: [] });
      expect(await pull(server.url)).toMatchObject({ status: 'failed', reason: 'content', message: expect.stringMatching(/utan ett enda värde/) });
      expect(await stored()).toBe(2);
    });

    it('does not follow a next_url to another host', async () => {
      db = await openTestDb(dir);
      const server = await kolada();
      pages = () => JSON.stringify({ values: values(['0180']), next_url: 'http://kolada.example.invalid/v3/data/kpi/U33626/year/2023?page=2' });
      const report = await pull(server.url);
      expect(report).toMatchObject({ status: 'failed', reason: 'other_host', message: `http://kolada.example.invalid/v3/data/kpi/U33626/year/2023?page=2 ligger hos en annan värd än ${server.url}; den hämtas inte` });
      expect(server.seen).toHaveLength(1);
      expect(await stored()).toBe(0);
    });

    it('a much smaller pull is refused as probably partial, and accepted with --replace', async () => {
      db = await openTestDb(dir);
      const server = await kolada();
      pages = () => JSON.stringify({ values: values(['0180', '1480', '1280', '0114']) });
      await pull(server.url);
      expect(await stored()).toBe(4);
      pages = () => JSON.stringify({ values: values(['0180']) });
      await expect(pull(server.url)).rejects.toThrow(InputError);
      expect(await stored()).toBe(4);
      expect(await pull(server.url, true)).toMatchObject({ status: 'fetched' });
      expect(await stored()).toBe(1);
    });
  });
});
