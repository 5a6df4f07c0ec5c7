// The build's loader warm-up (warmLoaders.js) fills Framework's cache ahead of it, but never replaces an
// output already there: Framework names modules by a hash of their attached outputs' mtimes, so a file
// replaced during a build sends pages to module names that were never written.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../paths.ts';
import { tempDir } from '../test/helpers.ts';

describe('the loader warm-up', () => {
  const dir = tempDir();

  it('writes the outputs that are missing and leaves one Framework already made as it was', () => {
    const root = join(dir, 'site');
    const cache = join(root, 'docs/.observablehq/cache');
    mkdirSync(join(root, 'docs/data'), { recursive: true });
    for (const name of ['made.json', 'missing.json']) {
      writeFileSync(join(root, 'docs/data', `${name}.js`), `process.stdout.write(JSON.stringify({ from: 'warm-up', name: ${JSON.stringify(name)} }));\n`);
    }
    mkdirSync(join(cache, 'data'), { recursive: true });
    const made = join(cache, 'data/made.json');
    writeFileSync(made, '{"from":"framework"}');
    utimesSync(made, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    const before = statSync(made).mtimeMs;

    execFileSync(process.execPath, [join(projectRoot, 'src/dashboard/warmLoaders.js'), root, cache]);

    expect(readFileSync(made, 'utf8')).toBe('{"from":"framework"}');
    expect(statSync(made).mtimeMs).toBe(before);
    expect(JSON.parse(readFileSync(join(cache, 'data/missing.json'), 'utf8'))).toEqual({ from: 'warm-up', name: 'missing.json' });
  });
});
