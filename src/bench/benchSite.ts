/**
 * The dashboard's part of `npm run bench`: the full static build of the sample site (every nämnd
 * page), the bytes the overview page transfers when served gzip-compressed, and the overview's
 * Largest Contentful Paint in headless Chromium on 127.0.0.1. Numbers only; nothing asserts a time.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { formatTable } from '../cli/formatTable.ts';
import { buildSite } from '../dashboard/buildSite.ts';
import { serveStatic } from '../dashboard/staticServer.ts';

const chromiumPath = '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function benchSite(dbPath: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'beredskap-bench-site-'));
  try {
    const start = performance.now();
    const dist = buildSite({ quiet: true, dbPath, outDir: join(work, 'dist') });
    const buildSeconds = (performance.now() - start) / 1000;
    const rows: (string | number)[][] = [['Bygga hela webbplatsen (s)', Math.round(buildSeconds * 10) / 10]];
    if (existsSync(chromiumPath)) {
      const site = await serveStatic(dist);
      const context = await chromium.launchPersistentContext(mkdtempSync(join(work, 'profile-')), { executablePath: chromiumPath, args: flags, headless: true });
      try {
        const page = await context.newPage();
        const paths: string[] = [];
        page.on('response', (r) => paths.push(new URL(r.url()).pathname));
        await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
        const lcp = await page.evaluate(() => new Promise<number>((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().at(-1)!.startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
        }));
        // What a web server with gzip would send for each response the page made.
        const bytes = paths.reduce((sum, p) => {
          const file = [join(dist, p), join(dist, `${p}.html`), join(dist, p, 'index.html')].find((f) => existsSync(f) && !f.endsWith('/'));
          return sum + (file ? gzipSync(readFileSync(file)).length : 0);
        }, 0);
        rows.push(['Översiktens överförda byte (gzip)', bytes], ['Översiktens LCP (ms)', Math.round(lcp)], ['Översiktens anrop', paths.length]);
      } finally {
        await context.close();
        await site.close();
      }
    } else {
      rows.push([`${chromiumPath} saknas: LCP och byte mäts inte`, '']);
    }
    console.log('');
    console.log('Instrumentpanelen (exempeldata):');
    console.log(formatTable(['Mått', 'Värde'], rows));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
