import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A process of this id runs (EPERM: it does, as another user's). */
export function isRunning(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what interrupted runs left in `dir`: entries named `<prefix><pid>`, or `<prefix><pid>.<suffix>`
 * (a database's `.wal`), whose process no longer runs. Work in progress is named with its process id, so
 * a Ctrl-C or kill -9 leaves it behind; the next run of the same kind removes it. Returns what it removed.
 */
export function removeLeftovers(dir: string, prefix: string): { name: string; pid: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.flatMap((name) => {
    const pid = name.startsWith(prefix) ? /^(\d+)(\.[^/]*)?$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) return [];
    rmSync(join(dir, name), { recursive: true, force: true });
    return [{ name, pid: Number(pid) }];
  });
}
