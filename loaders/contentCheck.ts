/**
 * What a downloaded body is, judged from its bytes before anything is imported. Pure functions: a
 * portal's error page served with status 200, or a half-written zip, must be caught here and not by the
 * workbook parser's less telling messages.
 */
import { unzippedSizeProblem } from '../src/text/unzippedSize.ts';
import { zipEntries } from '../src/text/zipEntries.ts';

export interface ContentProblem {
  reason: 'html' | 'content';
  message: string;
}

/** The text of an HTML page's <title>, whitespace collapsed and entities for å ä ö & decoded. */
export function htmlTitle(body: Buffer): string | undefined {
  const head = body.subarray(0, 64 * 1024).toString('utf8');
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head);
  if (!match) return undefined;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', aring: 'å', auml: 'ä', ouml: 'ö', Aring: 'Å', Auml: 'Ä', Ouml: 'Ö' };
  const text = match[1]!
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => entities[name] ?? whole)
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

/** An HTML page: said so by its Content-Type, or starting (after a BOM and blanks) like one. */
export function looksLikeHtml(body: Buffer, contentType?: string): boolean {
  if (contentType && /^\s*(text\/html|application\/xhtml)/i.test(contentType)) return true;
  const start = body.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 100).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || (start.startsWith('<head') && start.includes('<title'));
}

export function htmlProblem(body: Buffer, contentType?: string): ContentProblem | undefined {
  if (!looksLikeHtml(body, contentType)) return undefined;
  const title = htmlTitle(body);
  return {
    reason: 'html',
    message: `servern svarade med en HTML-sida${title ? ` ("${title}")` : ''} i stället för filen – troligen en felsida eller en sida som har flyttat`,
  };
}

/** The entry names listed in a zip's central directory, or a message saying why it cannot be read. */
export function zipEntryNames(zip: Buffer): { names: string[] } | { error: string } {
  const listed = zipEntries(zip);
  return 'error' in listed ? listed : { names: listed.entries.map((e) => e.name) };
}

/** The parts every .xlsx has; without them ExcelJS would fail later with a less telling message. */
export const workbookParts = ['[Content_Types].xml', 'xl/workbook.xml'];

/** An Excel workbook (.xlsx): a zip whose central directory lists the workbook parts. */
export function xlsxProblem(body: Buffer, contentType?: string): ContentProblem | undefined {
  const html = htmlProblem(body, contentType);
  if (html) return html;
  const zip = zipEntryNames(body);
  if ('error' in zip) return { reason: 'content', message: `inte en giltig .xlsx: ${zip.error}` };
  const missing = workbookParts.filter((p) => !zip.names.includes(p));
  if (missing.length) return { reason: 'content', message: `inte en Excel-arbetsbok: zip-filen saknar ${missing.join(' och ')}` };
  const size = unzippedSizeProblem(body);
  return size ? { reason: 'content', message: `kan inte importeras: ${size}` } : undefined;
}
