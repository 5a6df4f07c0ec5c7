// Building the site never destroys the previous one: it is built beside dist/ and swapped in only when
// complete; a database held by another process is DatabaseBusyError (exit 3), not a stack trace. A build
// killed mid-way takes its Framework child and loader warm-up with it, and the next build removes the
// folders it left.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseBusyError } from '../db/database.ts';
import { projectRoot } from '../paths.ts';
import { openInitialisedDb, tempDir, townConfigDir } from '../test/helpers.ts';
import { buildSite } from './buildSite.ts';

/** Every live process (not a zombie): id, parent, process group and command line, from Linux's /proc. */
function processes(): { pid: number; ppid: number; pgrp: number; cmd: string }[] {
  return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).flatMap((n) => {
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      // After "pid (comm) ": state, parent, process group.
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') return [];
      return [{ pid: Number(n), ppid: Number(ppid), pgrp: Number(pgrp), cmd: readFileSync(`/proc/${n}/cmdline`, 'utf8').replaceAll('\0', ' ') }];
    } catch {
      return []; // ended while read
    }
  });
}

async function until<T>(what: string, seconds: number, probe: () => T | undefined): Promise<T> {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const found = probe();
    if (found !== undefined) return found;
  }
  throw new Error(`not within ${seconds} s: ${what}`);
}

describe('build into a temporary folder', () => {
  const dir = tempDir();

  it('a build killed mid-way ends its children; the next build removes what it left, swaps a complete build in, and leaves the previous site whole when the database is held by another process', async () => {
    mkdirSync(dir, { recursive: true });
    const dbPath = join(dir, 'site.duckdb');
    (await openInitialisedDb(dbPath, townConfigDir)).close();
    const outDir = join(dir, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'gammal.txt'), 'förra bygget');

    // A build in a process of its own, killed (-9) while Framework reads the pages and the warm-up runs a loader.
    const build = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { buildSite } from ${JSON.stringify(join(projectRoot, 'src/dashboard/buildSite.ts'))};
      await buildSite({ quiet: true, dbPath: ${JSON.stringify(dbPath)}, outDir: ${JSON.stringify(outDir)}, profile: 'public' });`], { cwd: projectRoot, stdio: 'ignore' });
    const exited = new Promise((resolve) => build.on('exit', resolve));
    const groups = await until('Framework, the warm-up and a loader under it', 300, () => {
      const all = processes();
      const framework = all.find((p) => p.ppid === build.pid && p.cmd.includes('observable.js'));
      const warm = all.find((p) => p.ppid === build.pid && p.cmd.includes('warmLoaders.js'));
      return framework && warm && all.some((p) => p.ppid === warm.pid) ? [framework.pgrp, warm.pgrp] : undefined;
    });
    build.kill('SIGKILL');
    await exited;
    await until('every process of the killed build has ended', 3, () => (processes().some((p) => groups.includes(p.pgrp)) ? undefined : true));
    // What a kill later in the build leaves, or one during the removal of the site it replaced.
    mkdirSync(join(dir, `.dist.building-${build.pid}`, 'namnd'), { recursive: true });
    mkdirSync(join(dir, `.dist.old-${build.pid}`));
    expect(readdirSync(outDir)).toEqual(['gammal.txt']);

    await buildSite({ quiet: true, dbPath, outDir, profile: 'public' });
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'gammal.txt'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.dist'))).toEqual([]);
    const before = readdirSync(outDir, { recursive: true }).map(String).sort();
    const index = readFileSync(join(outDir, 'index.html'));

    // Another process holds the database as a writer (an import under way).
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `
      import { DuckDBInstance } from '@duckdb/node-api';
      const instance = await DuckDBInstance.create(${JSON.stringify(dbPath)});
      await instance.connect();
      process.stdout.write('held\\n');
      setTimeout(() => {}, 600000);`], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      await expect(buildSite({ quiet: true, dbPath, outDir, profile: 'public' })).rejects.toThrow(DatabaseBusyError);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    expect(readdirSync(outDir, { recursive: true }).map(String).sort()).toEqual(before);
    expect(readFileSync(join(outDir, 'index.html')).equals(index)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('.dist'))).toEqual([]);
  });
});
