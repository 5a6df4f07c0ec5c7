// The house's layers (src/README.md): a module imports only from its own layer or those below, and
// nothing in src/ or loaders/ imports from docs/ (the pages get src/present by copy, sharedModules.ts).
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './paths.ts';

const layers = [
  ['src/paths.ts', 'src/leftovers.ts', 'src/text', 'src/present'],
  ['src/db'],
  ['src/config'],
  ['src/imports'],
  ['src/oj', 'src/judgement', 'src/self'],
  ['src/template', 'src/export', 'src/actionplan', 'src/sample', 'src/sql'],
  ['src/dashboard'],
  ['src/annual'],
  ['loaders', 'src/cli', 'src/bench', 'src/bin.js'],
];
const layerOf = (path: string) => layers.findIndex((group) => group.some((p) => path === p || path.startsWith(`${p}/`)));

/** Every relative import of the non-test modules of src/ and loaders/, as [from, to], paths from the root. */
function relativeImports(): [string, string][] {
  const files = execFileSync('git', ['ls-files', 'src', 'loaders'], { cwd: projectRoot, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.test\.ts$/.test(f) && !f.startsWith('src/test/'));
  return files.flatMap((file) =>
    [...readFileSync(join(projectRoot, file), 'utf8').matchAll(/(?:from\s*|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map(
      (m): [string, string] => [file, relative(projectRoot, normalize(join(projectRoot, dirname(file), m[1]!)))],
    ),
  );
}

describe('the layers of src/', () => {
  it('every module sits in a layer, imports point down or sideways, and none reaches into docs/', () => {
    const imports = relativeImports();
    expect(imports.length).toBeGreaterThan(100);
    const placed = imports.filter(([from]) => layerOf(from) === -1).map(([from]) => from);
    expect([...new Set(placed)]).toEqual([]);
    const up = imports.filter(([from, to]) => to.startsWith('docs/') || layerOf(to) > layerOf(from)).map(([from, to]) => `${from} → ${to}`);
    expect(up).toEqual([]);
  });
});
