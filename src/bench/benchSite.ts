/**
 * The dashboard's part of `npm run bench`: the full static build of the sample site (every nämnd
 * page), what each page transfers gzip-compressed (pageWeight.ts, no browser needed), and `npm start`
 * from a fresh clone (no database, no Framework cache) to the printed address. Numbers only; nothing
 * asserts a time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../dashboard/buildSite.ts';
import { projectRoot } from '../paths.ts';
import { pageWeights, type PageWeight } from './pageWeight.ts';

export interface SiteBench {
  buildSeconds: number;
  startSeconds: number;
  pages: PageWeight[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start` as a user runs it, with no database yet: seconds until it prints the address. */
async function timeStart(dbPath: string): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'src/bin.js'), 'start'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BEREDSKAP_DB: dbPath, BEREDSKAP_PORT: String(port), CI: 'true' },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (/http:\/\/127\.0\.0\.1:\d+\//.test(chunk.toString())) resolve();
      });
      child.on('exit', (code) => reject(new Error(`npm start avslutades med kod ${code} innan adressen skrevs ut`)));
    });
    return (performance.now() - start) / 1000;
  } finally {
    child.kill('SIGTERM');
  }
}

export async function benchSite(dbPath: string, workDir: string): Promise<SiteBench> {
  const work = mkdtempSync(join(tmpdir(), 'beredskap-bench-site-'));
  try {
    const start = performance.now();
    const dist = await buildSite({ quiet: true, dbPath, outDir: join(work, 'dist') });
    const buildSeconds = (performance.now() - start) / 1000;
    const pages = pageWeights(dist);
    const startSeconds = await timeStart(join(workDir, 'start-fresh.duckdb'));
    return { buildSeconds, startSeconds, pages };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
