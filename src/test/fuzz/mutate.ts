// The fuzz test's mutations: an input file as sheets of rows of cells, changed at random in the ways a
// careless user or an attacker changes one (cells, rows, columns and sheets dropped, duplicated,
// swapped or moved; text injected; numbers reformatted), and written back as .xlsx or as CSV in
// another encoding, delimiter or line ending, or with a stray byte. Pure apart from the random draws.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type Cell = string | number | boolean | Date | null;
export interface Sheet {
  name: string;
  rows: Cell[][];
}
/** How a CSV is written: what a spreadsheet program or an editor may save. */
export interface CsvEncoding {
  delimiter: ';' | ',' | '\t';
  charset: 'utf8' | 'utf8-bom' | 'win1252' | 'utf16le';
  eol: '\n' | '\r\n';
}
export interface Doc {
  format: 'xlsx' | 'csv';
  sheets: Sheet[];
  csv?: CsvEncoding;
  /** Byte-level damage applied after writing (CSV only): a stray byte, or the file cut short. */
  damage?: { at: number; insert?: string; truncate?: boolean };
}

export type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

const clone = (doc: Doc): Doc => ({ ...doc, sheets: doc.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })), csv: doc.csv && { ...doc.csv } });

/** Texts a careless user or an attacker puts in a cell; names of units and requirements come from the file itself. */
const injected = [
  '', ' ', 'Ja', 'Nej', 'nej ', 'JA', 'Delvis', 'Ej aktuellt', '-', '.', '..', 'Vet ej', 'Kanske', '=1+1', '=HYPERLINK("http://x")', '+46', '@SUM(A1)',
  '"', 'a"b', '";"', ';', ',', '\t', 'rad ett\nrad två', '\r', 'Far\u200Dsta', '\u202Eatsraf', '\uFEFFJa', '\u0000', '\u001B[2J', 'Ja\u00A0', 'Ｊａ',
  '𝔉𝔞𝔯𝔰𝔱𝔞', '🙂', "'; drop table oj_answer; --", '${process.exit(1)}', '<script>alert(1)</script>', '../../etc/passwd', 'x'.repeat(5000),
  '2099', '1999', '0', '-1', '1e309', 'NaN', 'Infinity', '57,5', '57 %', '0,57', '101 %', '2024-02-30', '2024-12-31', '31/12/2024', 'T4', 'Tertial 2', 'VB',
  'Riket', 'Uppfyllt', 'Ej uppfyllt', 'Helt uppfyllt', 'Delvis uppfyllt', 'Verksamhetsberättelse',
];

/** A number as people and programs write it: comma or point, per cent or fraction, padded, as text. */
function reformat(random: Random, value: Cell): Cell {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*%?\s*$/.test(value) ? Number(value.replace(/[%\s]/g, '').replace(',', '.')) : undefined;
  if (n === undefined || !Number.isFinite(n)) return value;
  return pick(random, [
    String(n), n.toFixed(1).replace('.', ','), n.toFixed(2), `${n} %`, `${String(n).replace('.', ',')} %`, n / 100, n * 100, ` ${n} `, `0${n}`, `${n}.0`, -n, n + 1,
  ] as Cell[]);
}

const sheetOf = (doc: Doc, random: Random) => pick(random, doc.sheets);
const widthOf = (sheet: Sheet) => Math.max(0, ...sheet.rows.map((r) => r.length));
const filledCells = (sheet: Sheet) => sheet.rows.flatMap((r, i) => r.map((c, j) => ({ i, j, c }))).filter(({ c }) => c !== null && c !== '');
/** Every row as wide as the widest, so that a column operation moves whole columns. */
const padded = (sheet: Sheet) => {
  const w = widthOf(sheet);
  for (const r of sheet.rows) while (r.length < w) r.push(null);
  return w;
};

/**
 * A mutation changes the document in place and says what it did (for the replay line), or returns
 * undefined when it does not apply (a single sheet cannot be dropped).
 */
type Mutation = { name: string; formats: Doc['format'][]; apply: (doc: Doc, random: Random) => string | undefined };

const cellMutations: Mutation[] = [
  {
    name: 'drop cell', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      const cells = filledCells(s);
      if (!cells.length) return undefined;
      const { i, j } = pick(random, cells);
      s.rows[i]![j] = null;
      return `${s.name} ${i + 1}:${j + 1} emptied`;
    },
  },
  {
    name: 'swap cells', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      const cells = filledCells(s);
      if (cells.length < 2) return undefined;
      const [a, b] = [pick(random, cells), pick(random, cells)];
      s.rows[a.i]![a.j] = b.c;
      s.rows[b.i]![b.j] = a.c;
      return `${s.name} ${a.i + 1}:${a.j + 1} ⇄ ${b.i + 1}:${b.j + 1}`;
    },
  },
  {
    name: 'inject text', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      if (!s.rows.length) return undefined;
      const i = int(random, s.rows.length);
      const j = int(random, widthOf(s) + 2);
      const elsewhere = filledCells(pick(random, doc.sheets));
      const text = random() < 0.3 && elsewhere.length ? String(pick(random, elsewhere).c) : pick(random, injected);
      const row = s.rows[i]!;
      while (row.length <= j) row.push(null);
      row[j] = random() < 0.3 && typeof row[j] === 'string' ? `${row[j]}${text}` : text;
      return `${s.name} ${i + 1}:${j + 1} = ${JSON.stringify(text).slice(0, 40)}`;
    },
  },
  {
    name: 'reformat number', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      const numbers = filledCells(s).filter(({ c }) => reformat(() => 0, c) !== c);
      if (!numbers.length) return undefined;
      const { i, j, c } = pick(random, numbers);
      s.rows[i]![j] = reformat(random, c);
      return `${s.name} ${i + 1}:${j + 1} ${String(c)} → ${String(s.rows[i]![j])}`;
    },
  },
  {
    name: 'respell', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      const texts = filledCells(s).filter(({ c }) => typeof c === 'string');
      if (!texts.length) return undefined;
      const { i, j, c } = pick(random, texts);
      const text = c as string;
      s.rows[i]![j] = pick(random, [text.toUpperCase(), text.toLowerCase(), `  ${text}\u00A0`, text.replace(/ /g, '  ')]);
      return `${s.name} ${i + 1}:${j + 1} respelt`;
    },
  },
];

const rowMutations: Mutation[] = [
  {
    name: 'drop row', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      if (!s.rows.length) return undefined;
      const i = int(random, s.rows.length);
      s.rows.splice(i, 1);
      return `${s.name} row ${i + 1} dropped`;
    },
  },
  {
    name: 'duplicate row', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      if (!s.rows.length) return undefined;
      const i = int(random, s.rows.length);
      const to = int(random, s.rows.length + 1);
      s.rows.splice(to, 0, [...s.rows[i]!]);
      return `${s.name} row ${i + 1} copied to ${to + 1}`;
    },
  },
  {
    name: 'swap rows', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      if (s.rows.length < 2) return undefined;
      const [i, j] = [int(random, s.rows.length), int(random, s.rows.length)];
      [s.rows[i], s.rows[j]] = [s.rows[j]!, s.rows[i]!];
      return `${s.name} rows ${i + 1} ⇄ ${j + 1}`;
    },
  },
  {
    name: 'move row', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      if (s.rows.length < 2) return undefined;
      const i = int(random, s.rows.length);
      const [row] = s.rows.splice(i, 1);
      const to = int(random, s.rows.length + 1);
      s.rows.splice(to, 0, row!);
      return `${s.name} row ${i + 1} moved to ${to + 1}`;
    },
  },
];

const columnMutations: Mutation[] = [
  {
    name: 'drop column', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      const w = padded(s);
      if (!w) return undefined;
      const j = int(random, w);
      for (const r of s.rows) r.splice(j, 1);
      return `${s.name} column ${j + 1} dropped`;
    },
  },
  {
    name: 'duplicate column', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      const w = padded(s);
      if (!w) return undefined;
      const [j, to] = [int(random, w), int(random, w + 1)];
      for (const r of s.rows) r.splice(to, 0, r[j] ?? null);
      return `${s.name} column ${j + 1} copied to ${to + 1}`;
    },
  },
  {
    name: 'swap columns', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      const w = padded(s);
      if (w < 2) return undefined;
      const [a, b] = [int(random, w), int(random, w)];
      for (const r of s.rows) [r[a], r[b]] = [r[b]!, r[a]!];
      return `${s.name} columns ${a + 1} ⇄ ${b + 1}`;
    },
  },
  {
    name: 'move column', formats: ['xlsx', 'csv'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      const w = padded(s);
      if (w < 2) return undefined;
      const [from, to] = [int(random, w), int(random, w)];
      for (const r of s.rows) r.splice(to, 0, r.splice(from, 1)[0]!);
      return `${s.name} column ${from + 1} moved to ${to + 1}`;
    },
  },
];

const sheetMutations: Mutation[] = [
  {
    name: 'drop sheet', formats: ['xlsx'], apply: (doc, random) => {
      if (doc.sheets.length < 2) return undefined;
      const [s] = doc.sheets.splice(int(random, doc.sheets.length), 1);
      return `sheet ${s!.name} dropped`;
    },
  },
  {
    name: 'duplicate sheet', formats: ['xlsx'], apply: (doc, random) => {
      const s = sheetOf(doc, random);
      doc.sheets.splice(int(random, doc.sheets.length + 1), 0, { name: `${s.name.slice(0, 26)} (2)`, rows: s.rows.map((r) => [...r]) });
      return `sheet ${s.name} copied`;
    },
  },
  {
    name: 'swap sheets', formats: ['xlsx'], apply: (doc, random) => {
      if (doc.sheets.length < 2) return undefined;
      const [i, j] = [int(random, doc.sheets.length), int(random, doc.sheets.length)];
      [doc.sheets[i], doc.sheets[j]] = [doc.sheets[j]!, doc.sheets[i]!];
      return `sheets ${i + 1} ⇄ ${j + 1}`;
    },
  },
];

/** How the bytes of a CSV are written: encoding, delimiter, line ending, a stray byte or a file cut short. */
const byteMutations: Mutation[] = [
  {
    name: 'encoding', formats: ['csv'], apply: (doc, random) => {
      doc.csv!.charset = pick(random, ['utf8', 'utf8-bom', 'win1252', 'utf16le'] as const);
      return `charset ${doc.csv!.charset}`;
    },
  },
  {
    name: 'delimiter', formats: ['csv'], apply: (doc, random) => {
      doc.csv!.delimiter = pick(random, [';', ',', '\t'] as const);
      return `delimiter ${JSON.stringify(doc.csv!.delimiter)}`;
    },
  },
  {
    name: 'line ending', formats: ['csv'], apply: (doc) => {
      doc.csv!.eol = doc.csv!.eol === '\n' ? '\r\n' : '\n';
      return `eol ${JSON.stringify(doc.csv!.eol)}`;
    },
  },
  {
    name: 'stray byte', formats: ['csv'], apply: (doc, random) => {
      doc.damage = random() < 0.25 ? { at: random(), truncate: true } : { at: random(), insert: pick(random, [';', ',', '"', '\n', '\r', '\u0000', '\t', 'ä']) };
      return doc.damage.truncate ? `cut at ${doc.damage.at.toFixed(3)}` : `${JSON.stringify(doc.damage.insert)} at ${doc.damage.at.toFixed(3)}`;
    },
  },
];

const mutations = [...cellMutations, ...rowMutations, ...columnMutations, ...sheetMutations, ...byteMutations];

/** One to three mutations drawn from `random`: the changed copy and what was done. */
export function mutate(doc: Doc, random: Random): { doc: Doc; done: string[] } {
  const changed = clone(doc);
  const done: string[] = [];
  const applicable = mutations.filter((m) => m.formats.includes(doc.format));
  const count = 1 + int(random, 3);
  for (let tries = 0; done.length < count && tries < 10; tries++) {
    const m = pick(random, applicable);
    const what = m.apply(changed, random);
    if (what !== undefined) done.push(`${m.name}: ${what}`);
  }
  return { doc: changed, done };
}

const csvCell = (value: Cell, delimiter: string): string => {
  const text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The document as the bytes of its file. */
export async function writeDoc(doc: Doc): Promise<Buffer> {
  if (doc.format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const names = new Set<string>();
    for (const s of doc.sheets) {
      // exceljs refuses what Excel refuses: a name used twice, too long, or with []:*?/\ in it.
      let name = s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Blad';
      while (names.has(name.toLowerCase())) name = `${name.slice(0, 28)}_${names.size}`;
      names.add(name.toLowerCase());
      const ws = workbook.addWorksheet(name);
      s.rows.forEach((row, r) => row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }));
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const { delimiter, charset, eol } = doc.csv!;
  let text = doc.sheets[0]!.rows.map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join(eol) + eol;
  if (doc.damage) {
    const at = Math.floor(doc.damage.at * text.length);
    text = doc.damage.truncate ? text.slice(0, at) : text.slice(0, at) + doc.damage.insert + text.slice(at);
  }
  if (charset === 'utf8') return Buffer.from(text, 'utf8');
  if (charset === 'utf8-bom') return Buffer.from(`\uFEFF${text}`, 'utf8');
  if (charset === 'utf16le') return Buffer.from(`\uFEFF${text}`, 'utf16le');
  return iconv.encode(text, 'win1252');
}
