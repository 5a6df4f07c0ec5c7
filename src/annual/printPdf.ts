/**
 * `report annual --format pdf`: the document's HTML printed to A4 by Chromium, launched as the browser
 * tests launch it (src/dashboard/chromium.ts). The page is served from 127.0.0.1 by a server that stops
 * when the print is done, so nothing of Chromium's reaches a file URL or another host.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, haveChromium, launchChromium } from '../dashboard/chromium.ts';
import { serveStatic } from '../dashboard/staticServer.ts';
import { CommandUsageError } from '../text/usageError.ts';

export async function printPdf(html: string, path: string): Promise<void> {
  if (!haveChromium()) {
    throw new CommandUsageError(`--format pdf skriver ut med Chromium, som saknas här (${chromiumPath()}): installera chromium, eller skriv dokumentet som .docx eller .md`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'beredskap-pdf-'));
  const site = await serveStatic(dir);
  try {
    writeFileSync(join(dir, 'index.html'), html);
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(`${site.url}/`, { waitUntil: 'load' });
      await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
