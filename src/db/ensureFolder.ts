import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates a folder and its missing parents, one level at a time. Node's own recursive mkdir never returns
 * on some file systems (under /proc it retries for ever); this fails at once, naming the level that
 * could not be made.
 */
export function ensureFolder(path: string): void {
  const missing: string[] = [];
  for (let p = resolve(path); !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const folder of missing) mkdirSync(folder);
}
