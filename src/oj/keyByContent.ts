import type { Catalog } from '../config/catalog.ts';
import type { Problem } from '../text/problems.ts';
import { csvField } from '../text/csvField.ts';
import { cellText, type Grid } from '../text/grid.ts';
import type { OjColumnRole } from '../text/headerWords.ts';
import type { ColumnReading } from './workbookReading.ts';

type Row = Grid['rows'][number];

/** What the cells under a header that names no key column say about units. */
export interface UnitContent {
  /** Distinct texts that name a known unit (by name, alias or variant), in row order. */
  names: string[];
  /** Whether most of the column's texts name units: then it is a key column by its content. */
  mostly: boolean;
  /** The key role the named units make it: stadsdel, kommun or län by the kind most of them are, else name. */
  role: OjColumnRole;
  /** Data rows with a text in the column: the rows it would leave unread. */
  rowsNamed: number;
}

const roleOfKind: Record<string, OjColumnRole> = { kommun: 'kommun', lan: 'lan', riket: 'name', kommungrupp: 'name' };
const roleWords: Partial<Record<OjColumnRole, string>> = { stadsdel: 'stadsdelar', kommun: 'kommuner', lan: 'län', name: 'enheter' };
export const keyRoleWord: Partial<Record<OjColumnRole, string>> = { stadsdel: 'stadsdel', kommun: 'kommun', lan: 'län', name: 'namn på enhet' };

/** The units a column names, or undefined when it names fewer than two. */
export function unitContent(rows: Row[], i: number, catalog: Catalog): UnitContent | undefined {
  const names = new Set<string>();
  let named = 0;
  let texts = 0;
  for (const r of rows) {
    const t = cellText(r.cells[i]);
    if (!t || /^\d+$/.test(t)) continue;
    texts++;
    if (!catalog.isUnitName(t)) continue;
    named++;
    names.add(t);
  }
  if (names.size < 2) return undefined;
  // Each name counts once for every kind of unit it has named: "Stockholm" in a column of stadsdelar is a kommun among them.
  const byRole = new Map<OjColumnRole, number>();
  for (const name of names) {
    for (const role of new Set(catalog.unitsNamed(name).map((u) => roleOfKind[u.kind] ?? 'stadsdel'))) byRole.set(role, (byRole.get(role) ?? 0) + 1);
  }
  const role = [...byRole].find(([, n]) => n * 2 > names.size)?.[0] ?? 'name';
  return { names: [...names], mostly: named * 2 >= texts, role, rowsNamed: texts };
}

/** A column whose header is no known key but whose cells name units; `reading` is its line in the layout, settled later. */
export interface UnitColumn {
  index: number;
  label: string;
  header: string;
  headerRow: number;
  content: UnitContent;
  reading: ColumnReading;
}

/** A column taken as a key by its content, said once in the import summary and by inspect. */
export interface InferredKey {
  label: string;
  header: string;
  role: OjColumnRole;
  names: string[];
}

/**
 * Decides, once a header row's every column is read, which unit columns are keys: one that mostly names
 * units, of a role no other column has (by header or content), is that key. The rest are problems: a
 * column naming units only here and there, two columns naming the same kind of units, or a second column
 * beside a known key. `blocking` is set when the sheet then lacks the key those units would give, so its
 * rows are not read under a broader key (a stadsdel's answers as its kommun's).
 */
export function settleUnitColumns(
  columns: UnitColumn[],
  keyColumns: Map<OjColumnRole, number>,
  headerOf: (index: number) => string,
): { inferred: InferredKey[]; problems: (() => Omit<Problem, 'file'>)[]; blocking?: () => Omit<Problem, 'file'> } {
  const knownRoles = new Set(keyColumns.keys());
  const inferred: InferredKey[] = [];
  const problems: (() => Omit<Problem, 'file'>)[] = [];
  let blocking: (() => Omit<Problem, 'file'>) | undefined;
  const told = new Set<UnitColumn>();
  const examples = (c: UnitColumn) => `${c.content.names.slice(0, 3).join(', ')}${c.content.names.length > 3 ? ', …' : ''}`;
  for (const c of columns) {
    if (told.has(c)) continue;
    const { role, mostly } = c.content;
    const at = { row: c.headerRow, column: c.label, found: c.header || '(tom rubrik)' };
    const rivals = columns.filter((o) => o !== c && o.content.mostly && o.content.role === role);
    let problem: () => Omit<Problem, 'file'>;
    if (mostly && !knownRoles.has(role) && !rivals.length) {
      keyColumns.set(role, c.index);
      Object.assign(c.reading, { reading: 'key', role, how: 'content', note: `tolkad som ${keyRoleWord[role]} utifrån innehållet (${examples(c)})` });
      inferred.push({ label: c.label, header: c.header, role, names: c.content.names });
      continue;
    } else if (mostly && knownRoles.has(role)) {
      const key = keyColumns.get(role)!;
      c.reading.note = `anger ${roleWords[role]} liksom nyckelkolumnen`;
      problem = () => ({
        ...at, message: `kolumnen anger ${roleWords[role]} (${examples(c)}) liksom nyckelkolumnen ${headerOf(key)}, och rubriken är ingen känd nyckelkolumn`,
        fix: `Ska den inte läsas: lägg till raden ignore,${csvField(c.header)} i data/vocab/oj_columns.csv.`,
      });
    } else if (mostly) {
      for (const r of rivals) {
        told.add(r);
        r.reading.note = `anger ${roleWords[role]} liksom kolumn ${c.label}: oklart vilken som är nyckeln`;
      }
      c.reading.note = `anger ${roleWords[role]} liksom kolumn ${rivals.map((r) => r.label).join(', ')}: oklart vilken som är nyckeln`;
      problem = () => ({
        ...at, message: `kolumnerna ${[c, ...rivals].map((r) => r.label).join(' och ')} anger alla ${roleWords[role]} (${examples(c)}), så det går inte att avgöra vilken som är nyckeln`,
        fix: `Lägg till raden ${role},${csvField(c.header)} i data/vocab/oj_columns.csv för den som gäller och raden ignore,… för de andra.`,
      });
    } else {
      c.reading.note = 'okänd rubrik med enhetsnamn under';
      problem = () => ({
        ...at, message: `kolumnen anger enheter (${examples(c)}) men rubriken är ingen känd nyckelkolumn`,
        fix: `Lägg till raden ${role === 'name' ? 'stadsdel' : role},${csvField(c.header)} i data/vocab/oj_columns.csv (stadsdel, kommun, lan eller name efter vad den anger).`,
      });
    }
    // Without its key the sheet's rows would be read under a broader one: they are left unread, and said so.
    if (!knownRoles.has(role) && !blocking) {
      const made = problem;
      blocking = () => {
        const p = made();
        return { ...p, message: `${p.message}; bladets ${c.content.rowsNamed} rader med enheter i kolumnen lämnas därför olästa` };
      };
      continue;
    }
    problems.push(problem);
  }
  return { inferred, problems, blocking };
}
