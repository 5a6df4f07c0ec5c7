import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.ts';

const sourceDir = join(projectRoot, 'src/present');

/**
 * The presentation modules the pages share with the command line and the documents (src/present/*.js:
 * number formats, CSV, column packing, the annual document's HTML) live in src/, which never imports
 * from docs/. Framework serves only what is under docs/, so every build and preview first copies them
 * to docs/components/shared/ (gitignored). A copy is rewritten only when its source changed, so that
 * Framework's module hashes stay put; a copy whose source is gone is removed. Returns the files written.
 */
export function copySharedModules(docsDir = join(projectRoot, 'docs')): string[] {
  const targetDir = join(docsDir, 'components/shared');
  mkdirSync(targetDir, { recursive: true });
  const sources = readdirSync(sourceDir).filter((name) => name.endsWith('.js'));
  for (const stale of readdirSync(targetDir).filter((name) => !sources.includes(name))) rmSync(join(targetDir, stale));
  const written: string[] = [];
  for (const name of sources) {
    const text = `// Copied from src/present/${name} before every build (src/dashboard/sharedModules.ts): edit that file.\n${readFileSync(join(sourceDir, name), 'utf8')}`;
    const target = join(targetDir, name);
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    writeFileSync(target, text);
    written.push(name);
  }
  return written;
}
