import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseBusyError, busyMarker } from '../db/database.ts';
import { isRunning, removeLeftovers } from '../leftovers.ts';
import { defaultDbPath, projectRoot } from '../paths.ts';
import { copySharedModules } from './sharedModules.ts';
import { bundleVendorModules } from './vendorBundle.ts';
import { buildProfile, type Profile } from './profile.ts';

const frameworkDir = join(projectRoot, 'node_modules/@observablehq/framework');
const cacheDir = join(projectRoot, 'docs/.observablehq/cache');
const observableBin = join(frameworkDir, 'dist/bin/observable.js');
const warmLoaders = join(projectRoot, 'src/dashboard/warmLoaders.js');
const parentGuard = pathToFileURL(join(projectRoot, 'src/dashboard/parentGuard.js')).href;
// Framework runs data loaders as child processes: they read the database and the profile from the
// environment (src/dashboard/martLoader.js), and any .ts loader gets `tsx` from PATH, our own copy.
const frameworkEnv = (dbPath: string | undefined, profile: Profile) => ({
  ...process.env,
  OBSERVABLE_TELEMETRY_DISABLE: 'true',
  PATH: `${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`,
  BEREDSKAP_DB: dbPath ?? defaultDbPath(),
  BEREDSKAP_PROFILE: profile,
});

/**
 * Loader outputs cleared (they may be stale), version cache seeded (see seedNpmVersionCache), the
 * modules shared with src/ copied in (sharedModules.ts), the pages' Plot and Inputs written if what
 * they are made of changed (vendorBundle.ts). The bundles
 * Framework made of npm packages (`_node`, `_npm`, `_observablehq`) are kept: they are named by package
 * version and depend on nothing else.
 */
function freshCache(): void {
  for (const outputs of ['data', '_build.json']) rmSync(join(cacheDir, outputs), { recursive: true, force: true });
  seedNpmVersionCache();
  copySharedModules();
  bundleVendorModules();
}

/**
 * Framework's preview server on 127.0.0.1, its address printed once it listens; runs until stopped.
 * `exited` resolves with the server's exit code, `listening` with its address.
 */
export function startPreview(options: { dbPath: string; out: (text: string) => void; port?: number }): { exited: Promise<number>; listening: Promise<string>; stop: () => void } {
  freshCache();
  const child = spawn(process.execPath, [observableBin, 'preview', '--host', '127.0.0.1', '--port', String(options.port ?? 3000), '--no-open'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: frameworkEnv(options.dbPath, buildProfile()),
  });
  let announced = false;
  const listening = new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const address = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk.toString())?.[0];
      if (address && !announced) {
        announced = true;
        options.out(`Instrumentpanelen: ${address}  (avsluta med Ctrl-C)`);
        resolve(address);
      }
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
  return { exited, listening, stop: () => child.kill('SIGTERM') };
}

/**
 * Framework's client bundle names libraries it would lazy-load from a CDN (`npm:react-dom`, `npm:d3` …);
 * to pin them it asks the npm registry for versions at build time, which fails behind a firewall. Our
 * pages never load them (everything is imported by bare name from node_modules), so the version cache
 * is filled with the installed version, or a placeholder, and the build asks nobody.
 */
export function seedNpmVersionCache(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)(?=[/"'`])/g)) names.add(m[1]!);
      }
    }
  };
  walk(join(frameworkDir, 'dist/client'));
  for (const name of names) {
    const installed = join(projectRoot, 'node_modules', name, 'package.json');
    const version = existsSync(installed) ? (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version : '0.0.0';
    mkdirSync(join(cacheDir, '_npm', `${name}@${version}`), { recursive: true });
  }
  return [...names];
}

/**
 * Two fixes to Framework's page shell, made in every built page: `<html>` gets `lang="sv"` (the site
 * is Swedish, for screen readers and hyphenation alike), and the sidebar's close label moves out of
 * the `<ol>` it sits in, where a list may only hold list items (WCAG 1.3.1, axe "list").
 */
export function fixPageShell(dir: string, lang = 'sv'): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, 'utf8');
    const fixed = html
      .replace(/<html(?![^>]*\blang=)([^>]*)>/, `<html lang="${lang}"$1>`)
      .replace(/(<ol>\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, '$2$1');
    if (fixed !== html) {
      writeFileSync(path, fixed);
      n++;
    }
  }
  return n;
}

/**
 * `npm run build`: the static site in dist/ from the database named by BEREDSKAP_DB. The loader cache
 * is cleared first, because Framework judges a loader's freshness by the loader file alone and would
 * serve yesterday's numbers after a new import or a changed .sql view.
 *
 * The site is built in a folder beside dist/ and swapped in only when complete: a build that fails
 * (a loader meeting an import that holds the database, say) leaves the previous site whole. A database
 * held by another process is a DatabaseBusyError, as for every command (exit 3).
 */
export function buildSite(options: { quiet?: boolean; dbPath?: string; outDir?: string; profile?: Profile } = {}): Promise<string> {
  return withBuildLock(() => buildLocked(options));
}

const buildLockPath = join(cacheDir, 'build.lock');

/**
 * One build at a time in this checkout: every build clears and fills Framework's one loader cache
 * (docs/.observablehq/cache), so two at once would corrupt each other. A second build waits for the first;
 * a lock left by a process that no longer runs is taken over.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(buildLockPath), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(buildLockPath, 'wx');
      writeFileSync(fd, String(process.pid));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(buildLockPath, 'utf8')) || 0;
      if (!isRunning(holder)) {
        rmSync(buildLockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`ett annat bygge av webbplatsen pågår (process ${holder}); försök igen när det är klart`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return await work();
  } finally {
    closeSync(fd);
    rmSync(buildLockPath, { force: true });
  }
}

/**
 * Starts `script` with node in a process group of its own, which ends with this process: the group's
 * leader loads parentGuard.js, which ends the group once this process is gone, even after a kill -9
 * that leaves no chance to end it from here. Loaders the child starts are in its group.
 */
function spawnGroup(script: string, args: string[], env: NodeJS.ProcessEnv, stdio: ('ignore' | 'inherit' | 'pipe')[]) {
  return spawn(process.execPath, ['--import', parentGuard, script, ...args], {
    cwd: projectRoot,
    env: { ...env, BEREDSKAP_BUILD_PID: String(process.pid) },
    stdio,
    detached: true,
  });
}

async function buildLocked(options: { quiet?: boolean; dbPath?: string; outDir?: string; profile?: Profile }): Promise<string> {
  freshCache();
  const outDir = options.outDir ?? join(projectRoot, 'dist');
  // What interrupted builds left beside dist/ (a half-built site, the previous one being removed).
  for (const stage of ['building', 'old']) removeLeftovers(dirname(outDir), `.${basename(outDir)}.${stage}-`);
  const temp = join(dirname(outDir), `.${basename(outDir)}.building-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  const env = frameworkEnv(options.dbPath, options.profile ?? buildProfile());
  // The data loaders run side by side while Framework reads the pages (warmLoaders.js); whatever of
  // it still runs when Framework is done is ended with its group.
  const warm = spawnGroup(warmLoaders, [projectRoot, cacheDir], env, ['ignore', 'ignore', 'ignore']);
  warm.unref();
  // stderr is read (and passed on) to tell a busy database from any other failure.
  const framework = spawnGroup(observableBin, ['build'], { ...env, BEREDSKAP_DIST: temp }, ['ignore', options.quiet ? 'ignore' : 'inherit', 'pipe']);
  try {
    const chunks: Buffer[] = [];
    framework.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk));
    const status = await new Promise<number | null>((resolve, reject) => {
      framework.on('error', reject);
      framework.on('close', (code) => resolve(code));
    });
    const stderr = Buffer.concat(chunks).toString();
    if (status !== 0) {
      if (stderr.includes(busyMarker)) throw new DatabaseBusyError(options.dbPath ?? 'BEREDSKAP_DB', 'under bygget; den förra webbplatsen är orörd');
      process.stderr.write(stderr);
      throw new Error(`observable build avslutades med kod ${status}; den förra webbplatsen i ${outDir} är orörd`);
    }
    if (!options.quiet) process.stderr.write(stderr);
    fixPageShell(temp);
    const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(temp, outDir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    endGroup(warm.pid);
    endGroup(framework.pid);
    rmSync(temp, { recursive: true, force: true });
  }
  return outDir;
}

/** Ends a process group this build started, if any of it still runs (a loader holds the database open). */
function endGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
