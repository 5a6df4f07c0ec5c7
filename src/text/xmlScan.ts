/**
 * A scanner for the XML of an .xlsx's parts (workbook, relations, styles, shared strings, sheets): each
 * element's start and end and the text between, in document order. Enough for files Excel and other
 * spreadsheet programs write — no DTDs, no namespaces resolved (a prefix stays part of the name) —
 * and several times faster than a general parser, which is what a workbook's first read pays for.
 */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const token = /<(\/?)([^\s/>!?]+)([^>]*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[!?][^>]*>|([^<]+)/g;

/** Calls the handler for each element and text in order; throws for a part cut short (an element left open). */
export function scanXml(xml: string, handler: XmlHandler): void {
  token.lastIndex = 0;
  let depth = 0;
  let elements = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    if (m[2] !== undefined) {
      elements++;
      if (m[1]) {
        depth--;
        handler.close?.(m[2]);
      } else {
        handler.open(m[2], m[3]!, m[4] === '/');
        if (m[4] === '/') handler.close?.(m[2]);
        else depth++;
      }
    } else if (m[5] !== undefined) handler.text?.(m[5]);
    else if (m[6] !== undefined) handler.text?.(decodeEntities(m[6]));
  }
  if (depth !== 0 || !elements) throw new Error('XML-delen är ofullständig');
}

const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** An element's attributes by name (prefix included: "r:id"), their entities decoded. */
export function xmlAttributes(attributes: string): Map<string, string> {
  const found = new Map<string, string>();
  attribute.lastIndex = 0;
  for (let m = attribute.exec(attributes); m; m = attribute.exec(attributes)) found.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  return found;
}

const entity = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(entity, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    name ? named[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)));
}
