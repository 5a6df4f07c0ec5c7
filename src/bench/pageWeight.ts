import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  /** gzip bytes of a first visit: the page and everything it loads — modules, stylesheets, data files. */
  total: number;
  /** of which the page's data files (FileAttachment, `_file/`). */
  data: number;
  /** gzip bytes of the files the page fetches only when the reader asks (an `on-demand/` folder). */
  onDemand: number;
}

/** A data file under a folder of this name is fetched by its page only on the reader's request. */
const onDemandFolder = /(^|[/\\])on-demand[/\\]/;

/**
 * What each built page transfers on a first visit when served gzip-compressed, read from the built
 * HTML without a browser: the page itself, every module and stylesheet it links (Framework lists every
 * static import as a modulepreload) and every file it registers (FileAttachment).
 *
 * Framework registers every file a page names, also one it fetches only later. A page that shows one
 * year at a time gets its earlier years from `data/…/on-demand/` (Jämförelse, ÖJ-svar: the loader
 * writes them apart, the page fetches them inside a function called when a reader picks an earlier
 * year); those are not part of a first visit and are reported apart, as `onDemand`, never dropped.
 */
export function pageWeights(dist: string): PageWeight[] {
  const gz = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file)).length);
    return gz.get(file)!;
  };
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => {
      const html = join(e.parentPath, e.name);
      const text = readFileSync(html, 'utf8');
      const refs = new Set([...text.matchAll(/(?:href|src)="(\.[^"#?]+)"|"path":"(\.[^"]+)"/g)].map((m) => join(dirname(html), m[1] ?? m[2]!)));
      const all = [...refs].filter((f) => existsSync(f) && statSync(f).isFile());
      const later = all.filter((f) => onDemandFolder.test(relative(dist, f)));
      const files = all.filter((f) => !later.includes(f));
      const data = files.filter((f) => relative(dist, f).startsWith('_file')).reduce((n, f) => n + sizeOf(f), 0);
      const onDemand = later.reduce((n, f) => n + sizeOf(f), 0);
      return { page: relative(dist, html), total: sizeOf(html) + files.reduce((n, f) => n + sizeOf(f), 0), data, onDemand };
    })
    .sort((a, b) => b.total - a.total);
}
