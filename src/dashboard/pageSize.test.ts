// Pages keep showing, not reshaping (issue 20): a page holds its prose, its data reads, its inputs and calls
// to docs/components/, as Framework's own examples do, so the median page stays under 6 kB of source.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../paths.ts';
import { tempDir } from '../test/helpers.ts';

const medianLimit = 6000;

/** Every Framework page under docs (its Markdown files; Framework's cache folder aside) with its size in bytes. */
function pageSizes(docs: string): Map<string, number> {
  const pages = readdirSync(docs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md') && !relative(docs, e.parentPath).startsWith('.'))
    .map((e) => join(e.parentPath, e.name));
  return new Map(pages.map((p) => [relative(docs, p), statSync(p).size]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Null when the median page is under the limit, else what to do about it. */
function medianProblem(sizes: Map<string, number>): string | null {
  const m = median([...sizes.values()]);
  if (m < medianLimit) return null;
  const list = [...sizes].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${n}`).join(', ');
  return `the median page is ${m} bytes of source, not under ${medianLimit}: move table and chart builders, reshaping of rows and repeated html fragments into docs/components/ (${list})`;
}

describe('the dashboard pages', () => {
  it('are thin: the median page is under 6 000 bytes of source', () => {
    const sizes = pageSizes(join(projectRoot, 'docs'));
    expect(sizes.has('index.md') && sizes.has('namnd/[unit].md'), [...sizes.keys()].join(', ')).toBe(true);
    expect(sizes.size).toBeGreaterThanOrEqual(10);
    expect(medianProblem(sizes)).toBeNull();
  });

  it('the check fails, naming the pages by size, once half of them are large', () => {
    const docs = tempDir();
    mkdirSync(join(docs, 'namnd'));
    mkdirSync(join(docs, '.observablehq'));
    writeFileSync(join(docs, 'a.md'), 'x'.repeat(2000));
    writeFileSync(join(docs, 'b.md'), 'x'.repeat(5999));
    writeFileSync(join(docs, '.observablehq/cache.md'), 'x'.repeat(100));
    expect(medianProblem(pageSizes(docs))).toBeNull();
    writeFileSync(join(docs, 'namnd/[unit].md'), 'x'.repeat(9000));
    writeFileSync(join(docs, 'c.md'), 'x'.repeat(7000));
    expect(medianProblem(pageSizes(docs))).toBe(
      'the median page is 6499.5 bytes of source, not under 6000: move table and chart builders, reshaping of rows and repeated html fragments into docs/components/ (namnd/[unit].md 9000, c.md 7000, b.md 5999, a.md 2000)',
    );
  });
});
