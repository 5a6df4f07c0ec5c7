import { inflateRawSync } from 'node:zlib';
import type { CellValue, Grid } from './grid.ts';
import { scanXml, xmlAttributes } from './xmlScan.ts';
import { entryData, zipEntries, type ZipEntry } from './zipEntries.ts';

/**
 * Every worksheet of an .xlsx as a grid, read straight from the zip's parts: the workbook's sheet list
 * (in its order, hidden sheets too), shared strings, number formats and each sheet's cells and merges.
 * A cell reads as a user sees it: rich text joined, a formula by its stored result, a number formatted
 * as per cent as "57.5 %", one formatted as a date as a Date; merged cells as their master's value in
 * each covered cell. A formula without a stored result (never calculated) is recorded in `uncomputed`,
 * so that the parsers name the cell instead of reading it as empty. No grids: the zip holds no workbook.
 * Throws XlsxError for a zip that cannot be read; the caller checks the unpacked size first.
 */
export function xlsxGrids(bytes: Buffer, file: string): Grid[] {
  const parts = new ZipParts(bytes);
  const workbook = parts.text('xl/workbook.xml');
  if (workbook === undefined) return [];
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  scanXml(workbook, {
    open(name, attributes) {
      if (name === 'sheet') {
        const a = xmlAttributes(attributes);
        sheets.push({ name: a.get('name') ?? '', rid: a.get('r:id') ?? '' });
      } else if (name === 'workbookPr') {
        const d = xmlAttributes(attributes).get('date1904');
        date1904 = d === '1' || d === 'true';
      }
    },
  });
  const targets = relationTargets(parts.text('xl/_rels/workbook.xml.rels') ?? '', 'xl/');
  const strings = sharedStrings(parts.text('xl/sharedStrings.xml'));
  const formats = cellFormats(parts.text('xl/styles.xml'));
  return sheets.flatMap(({ name, rid }) => {
    const target = targets.get(rid);
    if (!target || target.type !== 'worksheet') return [];
    const xml = parts.text(target.path);
    if (xml === undefined) throw new XlsxError(`missing ${target.path}`);
    return [sheetGrid(xml, { file, sheet: name, strings, formats, date1904 })];
  });
}

export class XlsxError extends Error {}

/** The parts of a zip by name, each inflated when first asked for. */
class ZipParts {
  private readonly entries = new Map<string, ZipEntry>();
  constructor(private readonly zip: Buffer) {
    const listed = zipEntries(zip);
    if ('error' in listed) throw new XlsxError(listed.error);
    for (const e of listed.entries) this.entries.set(e.name.replace(/^\//, ''), e);
  }

  text(name: string): string | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const data = entryData(this.zip, entry);
    if (!data) throw new XlsxError(`bad entry ${name}`);
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method !== 8) throw new XlsxError(`method ${entry.method}`);
    return inflateRawSync(data).toString('utf8');
  }
}

/** The workbook's relations: id → part path (relative targets resolved against `base`) and kind. */
function relationTargets(xml: string, base: string): Map<string, { path: string; type: string }> {
  const targets = new Map<string, { path: string; type: string }>();
  scanXml(xml, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const a = xmlAttributes(attributes);
      const target = a.get('Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : normalisePath(base + target);
      targets.set(a.get('Id') ?? '', { path, type: (a.get('Type') ?? '').replace(/^.*\//, '') });
    },
  });
  return targets;
}

const normalisePath = (path: string) => {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
};

// Excel writes characters XML cannot hold as _xHHHH_.
const excelEscapes = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The shared strings in order; rich text as its runs joined, phonetic readings left out. */
function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _, selfClosing) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current!.join(''));
        current = undefined;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 't') inText = false;
    },
    text(text) {
      if (current && inText && !phonetic) current.push(excelEscapes(text));
    },
  });
  return strings;
}

/** Built-in number formats that matter here: per cents and dates (ECMA-376 18.8.30). */
const builtInFormats: Record<number, string> = {
  9: '0%', 10: '0.00%', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
};

type CellFormat = 'percent' | 'date' | undefined;

/** Each cell style's (cellXfs index's) format, as far as reading a value goes: per cent, date or neither. */
function cellFormats(xml: string | undefined): CellFormat[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const formats: CellFormat[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === 'numFmt') {
        const a = xmlAttributes(attributes);
        custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(xmlAttributes(attributes).get('numFmtId') ?? 0);
        formats.push(id ? formatKind(custom.get(id) ?? builtInFormats[id]) : undefined);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

/** A date format has date or time letters outside quotes and brackets; a per-cent one a per-cent sign. */
function formatKind(code: string | undefined): CellFormat {
  if (!code) return undefined;
  if (/[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))) return 'date';
  return code.includes('%') ? 'percent' : undefined;
}

const excelEpochDays = 25569;
const toDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - excelEpochDays + (date1904 ? 1462 : 0)) * 86400000));

/** "BC12" → its 0-based column index and 1-based row. */
function cellAddress(ref: string): { column: number; row: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
  return { column: column - 1, row: Number(m[2]) };
}

interface SheetContext {
  file: string;
  sheet: string;
  strings: string[];
  formats: CellFormat[];
  date1904: boolean;
}

/** One worksheet's cells as rows of values; rows with nothing but blanks are left out. */
function sheetGrid(xml: string, ctx: SheetContext): Grid {
  const cells = new Map<number, CellValue[]>();
  const uncomputed = new Set<string>();
  const merges: string[] = [];
  let row = 0;
  let column = -1;
  // The cell being read.
  let type = '';
  let style = 0;
  let value: string[] | undefined;
  let inValue = false;
  let formula = false;
  let inline: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  const put = (r: number, c: number, v: CellValue) => {
    let line = cells.get(r);
    if (!line) cells.set(r, (line = []));
    while (line.length < c) line.push(null);
    line[c] = v;
  };
  scanXml(xml, {
    open(name, attributes, selfClosing) {
      switch (name) {
        case 'row': {
          const r = Number(xmlAttributes(attributes).get('r'));
          row = r > 0 ? r : row + 1;
          column = -1;
          return;
        }
        case 'c': {
          const a = xmlAttributes(attributes);
          const at = cellAddress(a.get('r') ?? '');
          column = at ? at.column : column + 1;
          if (at) row = at.row;
          type = a.get('t') ?? 'n';
          style = Number(a.get('s') ?? 0);
          value = undefined;
          inline = undefined;
          formula = false;
          // A cell of style only is a cell without a value: it counts for the row's width.
          put(row, column, null);
          return;
        }
        case 'v':
          value = [];
          inValue = !selfClosing;
          return;
        case 'f':
          formula = true;
          return;
        case 'is':
          inline = [];
          return;
        case 'rPh':
          phonetic += selfClosing ? 0 : 1;
          return;
        case 't':
          inText = !selfClosing;
          return;
        case 'mergeCell': {
          const ref = xmlAttributes(attributes).get('ref');
          if (ref) merges.push(ref);
          return;
        }
        default:
      }
    },
    close(name) {
      if (name === 'c') {
        const v = cellValueOf(type, value?.join(''), inline?.join(''), formula, ctx.formats[style], ctx);
        if (v.uncomputed) uncomputed.add(`${row}:${column}`);
        put(row, column, v.value);
        value = undefined;
        inline = undefined;
      } else if (name === 'v') inValue = false;
      else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
    },
    text(text) {
      if (inValue) value!.push(text);
      else if (inline && inText && !phonetic) inline.push(excelEscapes(text));
    },
  });
  for (const ref of merges) {
    const [from, to] = ref.split(':').map(cellAddress);
    if (!from || !to) continue;
    const master = cells.get(from.row)?.[from.column] ?? null;
    const masterUncomputed = uncomputed.has(`${from.row}:${from.column}`);
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.column; c <= to.column; c++) {
        if (r === from.row && c === from.column) continue;
        put(r, c, master);
        if (masterUncomputed) uncomputed.add(`${r}:${c}`);
      }
    }
  }
  const rows: Grid['rows'] = [...cells.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, line]) => line.some((c) => c !== null && c !== undefined && String(c).trim() !== ''))
    .map(([line, values]) => ({ line, cells: Array.from(values, (v) => v ?? null) }));
  return { file: ctx.file, sheet: ctx.sheet, format: 'xlsx', rows, uncomputed };
}

/**
 * A cell's value as a user sees it, from its type (t), stored value (v), inline text and number format.
 * A formula is read by its stored result; one without a result, or whose result is an error or a date,
 * has no value a parser can read, and is marked so (as the reader before this one had it).
 */
function cellValueOf(type: string, stored: string | undefined, inline: string | undefined, formula: boolean, format: CellFormat, ctx: SheetContext): { value: CellValue; uncomputed?: boolean } {
  // An empty <v></v> stores nothing, except as a formula's text result: a formula giving "" was calculated.
  const raw = stored === '' ? undefined : stored;
  if (formula) {
    if (type === 'str' && stored !== undefined) return { value: raw ?? null };
    if (raw === undefined) return { value: null, uncomputed: true };
    if (type === 'b') return { value: Number(raw) !== 0 };
    if (type === 'e' || format === 'date') return { value: null, uncomputed: true };
    return { value: parseFloat(raw) };
  }
  switch (type) {
    case 's': return { value: raw === undefined ? null : ctx.strings[Number(raw)] ?? null };
    case 'inlineStr': return { value: inline || null };
    case 'str': return { value: raw ?? null };
    case 'b': return { value: raw === undefined ? null : Number(raw) !== 0 };
    case 'e': return { value: raw ?? null };
    case 'd': return { value: raw === undefined ? null : new Date(raw) };
    default: {
      if (raw === undefined) return { value: null };
      const n = parseFloat(raw);
      if (format === 'date') return { value: toDate(n, ctx.date1904) };
      if (format === 'percent') return { value: `${Math.round(n * 1000) / 10} %` };
      return { value: n };
    }
  }
}
