/**
 * What a downloaded body is, judged from its bytes before anything is imported. Pure functions: a
 * portal's error page served with status 200, or a half-written zip, must be caught here and not by the
 * workbook parser's less telling messages.
 */

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

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * The entry names listed in a zip's central directory, or a message saying why it cannot be read. The
 * central directory sits at the end of the file, so a truncated download fails here even when its
 * first bytes look right.
 */
export function zipEntryNames(zip: Buffer): { names: string[] } | { error: string } {
  if (zip.length < 22 || zip.readUInt32LE(0) !== 0x04034b50) return { error: 'filen är inte en zip-fil (som en .xlsx är)' };
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { error: 'zip-filens innehållsförteckning saknas (filen är ofullständig)' };
  let entries = zip.readUInt16LE(eocd + 10);
  let size = zip.readUInt32LE(eocd + 12);
  let offset = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) return { error: 'zip64-posten saknas (filen är ofullständig)' };
    const record = Number(zip.readBigUInt64LE(locator + 8));
    if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD) return { error: 'zip64-posten är trasig' };
    entries = Number(zip.readBigUInt64LE(record + 32));
    size = Number(zip.readBigUInt64LE(record + 40));
    offset = Number(zip.readBigUInt64LE(record + 48));
  }
  if (offset + size > zip.length) return { error: 'zip-filens innehållsförteckning pekar utanför filen (filen är ofullständig)' };
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_ENTRY) return { error: `zip-filens innehållsförteckning är trasig vid post ${i + 1}` };
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { names };
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
  return undefined;
}
