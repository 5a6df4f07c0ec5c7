// What an interrupted run left is removed by the next one; work of a process still running is not.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftovers } from './leftovers.ts';
import { tempDir } from './test/helpers.ts';

describe('removeLeftovers', () => {
  const dir = tempDir();

  it('removes entries named with the id of a process that has ended, keeps those of running processes and other names', () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      mkdirSync(join(dir, `.dist.building-${ended}`, 'namnd'), { recursive: true });
      writeFileSync(join(dir, `.dist.building-${ended}`, 'namnd', 'index.html'), '<html></html>');
      for (const name of [`.x.duckdb.creating-${ended}`, `.x.duckdb.creating-${ended}.wal`, `.x.duckdb.creating-${running.pid}`, `.x.duckdb.creating-${process.pid}`, '.x.duckdb.creating-abc', 'x.duckdb']) {
        writeFileSync(join(dir, name), '');
      }
      expect(removeLeftovers(dir, '.x.duckdb.creating-').map((l) => l.name).sort()).toEqual([`.x.duckdb.creating-${ended}`, `.x.duckdb.creating-${ended}.wal`]);
      expect(removeLeftovers(dir, '.dist.building-')).toEqual([{ name: `.dist.building-${ended}`, pid: Number(ended) }]);
      expect(readdirSync(dir).sort()).toEqual([`.x.duckdb.creating-${process.pid}`, `.x.duckdb.creating-${running.pid}`, '.x.duckdb.creating-abc', 'x.duckdb'].sort());
      expect(removeLeftovers(join(dir, 'finns-inte'), '.dist.building-')).toEqual([]);
    } finally {
      running.kill('SIGKILL');
    }
  });
});
