// What a page transfers on a first visit, read from built HTML the way Framework writes it: the page,
// its preloaded modules and stylesheets, its registered files — a file under on-demand/ apart.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.ts';
import { pageWeights } from './pageWeight.ts';

describe('page weights', () => {
  const dist = tempDir();

  it('counts the page, its modules, stylesheet and data, and what it fetches only on request apart', () => {
    const write = (path: string, text: string) => {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(join(dist, path), text);
      return gzipSync(text).length;
    };
    // Contents differ in size so that a file counted twice or left out changes the sum.
    const module = write('_import/chart.1.js', 'export const chart = 1;\n'.repeat(40));
    const style = write('_import/style.1.css', 'body { margin: 0 }\n'.repeat(10));
    const latest = write('_file/data/x/latest.1.json', JSON.stringify({ positions: [1, 2, 3] }));
    const earlier = write('_file/data/x/on-demand/earlier.1.json', JSON.stringify({ positions: Array.from({ length: 500 }, (_, i) => i) }));
    const page = write('sub/page.html', [
      '<link rel="stylesheet" type="text/css" href="../_import/style.1.css">',
      '<link rel="modulepreload" href="../_import/chart.1.js">',
      '<script type="module">',
      'registerFile("./data/x/latest.json", {"name":"./data/x/latest.json","path":"../_file/data/x/latest.1.json","size":20});',
      'registerFile("./data/x/on-demand/earlier.json", {"name":"./data/x/on-demand/earlier.json","path":"../_file/data/x/on-demand/earlier.1.json","size":2000});',
      '</script>',
    ].join('\n'));
    expect(pageWeights(dist)).toEqual([{ page: 'sub/page.html', total: page + module + style + latest, data: latest, onDemand: earlier }]);
  });
});
