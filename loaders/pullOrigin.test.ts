// Issue 19: one rule for every request of a pull – it stays on the configured host and scheme, whether a
// redirect or Kolada's link to the next page points elsewhere – and Kolada values for a kommun code the
// organisation does not know are refused by name, not as a shrinking pull. Real HTTP servers on
// 127.0.0.1 (a second server on another port is another host), real DuckDB files.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { InputError, formatProblem } from '../src/text/problems.ts';
import { openTestDb, tempDir, writeText, writeXlsx } from '../src/test/helpers.ts';
import type { HttpOptions } from './http.ts';
import { pullKolada } from './kolada.ts';
import { pullOj } from './ojWorkbooks.ts';
import { startTestServer } from './testServer.ts';

const fast: HttpOptions = { retries: 1, backoffMs: 5, totalTimeoutMs: 1000, connectTimeoutMs: 1000 };
const kpis = [{ kpi_id: 'U33626', level: 'municipality' as const }];
const values = (kommuner: string[]) => JSON.stringify({ values: kommuner.map((m) => ({ kpi: 'U33626', municipality: m, period: 2023, values: [{ gender: 'T', value: 1 }] })) });

describe('a pull stays on its configured host', () => {
  const dir = tempDir();
  let db: Database | undefined;
  const servers: { close(): Promise<void> }[] = [];
  beforeEach(() => mkdirSync(join(dir, 'raw'), { recursive: true }));
  afterEach(async () => {
    db?.close();
    db = undefined;
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  async function serve(handler: Parameters<typeof startTestServer>[0]) {
    const server = await startTestServer(handler);
    servers.push(server);
    return server;
  }
  const rawDir = () => join(dir, 'raw');
  const pull = (url: string, replace?: boolean) => pullKolada(db!, { rawDir: rawDir(), baseUrl: `${url}/v3`, kpis, years: [2023], http: fast, replace });
  const stored = async () => (await db!.one<{ values: number; answers: number }>(
    `select (select count(*) from kolada_value)::int as values,
            (select count(*) from oj_answer join source_file using (source_file_id) where kind = 'kolada')::int as answers`,
  ))!;

  it('Kolada: a 302 to another host is not followed, and neither is a next_url there; the same host is', async () => {
    db = await openTestDb(dir);
    const elsewhere = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(values(['0180', '1480'])));
    const redirectTo = `${elsewhere.url}/v3/data/kpi/U33626/year/2023`;
    const kolada = await serve((_req, res) => res.writeHead(302, { location: redirectTo }).end());

    const redirected = await pull(kolada.url);
    expect(redirected).toMatchObject({ status: 'failed', reason: 'other_host' });
    expect(redirected.message).toBe(`${kolada.url}/v3/data/kpi/U33626/year/2023?per_page=5000 omdirigerar till ${redirectTo}, hos en annan värd än ${kolada.url}; den följs inte`);
    expect(elsewhere.seen).toEqual([]);
    expect(await stored()).toEqual({ values: 0, answers: 0 });

    // The same rule for a page's link to the next one: the other host is never asked.
    const paging = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...JSON.parse(values(['0180'])), next_url: `${elsewhere.url}/v3/data?page=2` })));
    expect(await pull(paging.url)).toMatchObject({ status: 'failed', reason: 'other_host', message: `${elsewhere.url}/v3/data?page=2 ligger hos en annan värd än ${paging.url}; den hämtas inte` });
    expect(elsewhere.seen).toEqual([]);

    // A redirect and a next page on the configured host are followed.
    const same = await serve((req, res) => {
      if (req.url!.startsWith('/v3/data/')) return res.writeHead(302, { location: '/v3/first' }).end();
      if (req.url === '/v3/first') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...JSON.parse(values(['0180'])), next_url: '/v3/second' }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(values(['1480']));
    });
    expect(await pull(same.url)).toMatchObject({ status: 'fetched', rows: 2 });
    expect(same.seen.map((s) => s.path)).toEqual(['/v3/data/kpi/U33626/year/2023?per_page=5000', '/v3/first', '/v3/second']);
  });

  it('ÖJ: a workbook redirected to another host is not fetched, and the line of sources.csv is named', async () => {
    db = await openTestDb(dir);
    const workbook = readFileSync(await writeXlsx(join(dir, 'wb.xlsx'), [{ name: 'Kommuner', rows: [['Kommunkod', 'Kommun', 'Plan för evakuering – Hemtjänst'], ['0180', 'Stockholm', 'Ja']] }]));
    const elsewhere = await serve((_req, res) => res.writeHead(200).end(workbook));
    const server = await serve((_req, res) => res.writeHead(302, { location: `${elsewhere.url}/oj-2024.xlsx` }).end());
    const sourcesPath = writeText(join(dir, 'sources.csv'), 'year,url,sha256,note\n2024,https://oj.example.invalid/oj-2024.xlsx,,\n');
    const report = await pullOj(db, { sourcesPath, rawDir: rawDir(), baseUrl: server.url, http: fast });
    expect(report.files.map((f) => [f.reason, f.message])).toEqual([
      ['other_host', `${server.url}/oj-2024.xlsx omdirigerar till ${elsewhere.url}/oj-2024.xlsx, hos en annan värd än ${server.url}; den följs inte; rätta raden för 2024 i sources.csv (rad 2) om adressen är fel`],
    ]);
    expect(elsewhere.seen).toEqual([]);
    expect(await db.all('select * from source_file')).toEqual([]);
  });

  it('Kolada values for a kommun code org/kommuner.csv lacks are refused by name, with or without --replace; riket and regions pass', async () => {
    db = await openTestDb(dir);
    let body = values(['0180', '1480', '1280', '0114']);
    const kolada = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    expect(await pull(kolada.url)).toMatchObject({ status: 'fetched' });
    expect(await stored()).toEqual({ values: 4, answers: 4 });

    // Without the check, the unknown codes' answers went missing and the guard spoke of shrinking.
    body = values(['0180', '9999', '8888']);
    for (const replace of [false, true]) {
      const error = await pull(kolada.url, replace).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map(formatProblem)).toEqual([
        'Kolada: kommunkod 8888 finns inte i data/org/kommuner.csv. 1 värde för 1 nyckeltal, 2023. Lägg till kommunen i data/org/kommuner.csv om den är ny.',
        'Kolada: kommunkod 9999 finns inte i data/org/kommuner.csv. 1 värde för 1 nyckeltal, 2023. Lägg till kommunen i data/org/kommuner.csv om den är ny.',
      ]);
      expect(await stored()).toEqual({ values: 4, answers: 4 });
    }

    // Kolada's own ids for riket (0000) and a region (0001: Stockholms län) are no kommuner, and no error.
    body = values(['0180', '1480', '1280', '0114', '0000', '0001']);
    expect(await pull(kolada.url)).toMatchObject({ status: 'fetched' });
    expect(await stored()).toEqual({ values: 6, answers: 4 });
  });
});
