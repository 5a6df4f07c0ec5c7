/**
 * The one way this project starts Chromium, for the browser tests and for `report annual --format pdf`:
 * Debian's /usr/bin/chromium (or BEREDSKAP_CHROMIUM) through playwright-core, headless, without sandbox,
 * background networking, updates or sync, in a fresh profile folder of its own.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env) => env.BEREDSKAP_CHROMIUM || '/usr/bin/chromium';
export const haveChromium = (env: NodeJS.ProcessEnv = process.env) => existsSync(chromiumPath(env));
export const chromiumFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A browser in the profile folder `userDataDir` (a fresh one in the temp folder, removed on close, when none is given). */
export async function launchChromium(userDataDir?: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'beredskap-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: chromiumFlags, headless: true });
  return {
    context,
    close: async () => {
      await context.close();
      if (!userDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
