import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  /** gzip bytes of the page and everything it loads: modules, stylesheets, data files. */
  total: number;
  /** of which the page's data files (FileAttachment, `_file/`). */
  data: number;
}

/**
 * What each built page transfers when served gzip-compressed, read from the built HTML without a
 * browser: the page itself, every module and stylesheet it links (Framework lists every static import
 * as a modulepreload) and every file it registers (FileAttachment).
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
      const files = [...refs].filter((f) => existsSync(f) && statSync(f).isFile());
      const data = files.filter((f) => relative(dist, f).startsWith('_file')).reduce((n, f) => n + sizeOf(f), 0);
      return { page: relative(dist, html), total: sizeOf(html) + files.reduce((n, f) => n + sizeOf(f), 0), data };
    })
    .sort((a, b) => b.total - a.total);
}
