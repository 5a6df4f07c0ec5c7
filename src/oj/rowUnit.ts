import type { Catalog, OrgUnit, UnitResolution } from '../config/catalog.ts';
import type { Problem } from '../text/problems.ts';
import { csvField } from '../text/csvField.ts';
import { cellText as text, columnLetter, type Grid } from '../text/grid.ts';
import type { OjColumnRole } from '../text/headerWords.ts';
import { unitRoles, type Layout } from './sheetLayout.ts';

type Row = Grid['rows'][number];
/** A row's unit, or the problem with it: made only when the row turns out to need it (suggestions cost an edit-distance search). */
export type Resolved = { unit: OrgUnit } | { problem: () => Omit<Problem, 'file'> } | { none: true };

/**
 * The unit a data row names, the most specific first: stadsdel, then kommun (by code or name), then a
 * name of any unit, then län. A län beside a kommun is context, never the row's unit. Undefined key
 * cells: a note or blank row. Text in a code column that is no code is read as a name.
 */
export function resolveRow(row: Row, layout: Layout, catalog: Catalog, year: number): Resolved {
  const date = catalog.measureDate(year);
  const cell = (role: OjColumnRole) => (layout.keyColumns.has(role) ? text(row.cells[layout.keyColumns.get(role)!]) : '');
  const at = (role: OjColumnRole, found: string) => ({ row: row.line, column: columnLetter(layout.keyColumns.get(role)!), found });
  const byCode = (role: OjColumnRole): Resolved => {
    const code = cell(role).replace(/\.0+$/, '');
    if (!code) return { none: true };
    if (!/^\d+$/.test(code)) return { none: true };
    if (/^0+$/.test(code)) return { unit: catalog.unit('riket')! };
    if (code.length <= 2) {
      const lan = catalog.unit(`lan-${code.padStart(2, '0')}`);
      return lan ? { unit: lan } : { problem: () => ({ ...at(role, code), message: 'okänd länskod' }) };
    }
    const kommun = catalog.kommunByCodeText(code);
    return kommun ? { unit: kommun } : { problem: () => ({ ...at(role, code), message: 'okänd kommunkod (finns inte i data/org/kommuner.csv)' }) };
  };
  const byName = (role: OjColumnRole, options: { kommunCode?: string; subUnit?: boolean } = {}): Resolved => {
    const name = cell(role);
    if (!name || /^\d+$/.test(name)) return { none: true };
    // A text that is no unit's name at all (a footnote, a source line) is resolved, with its suggestions, only when reported.
    const known = catalog.isUnitName(name) ? catalog.resolveUnit(name, date, options) : undefined;
    if (known && 'unit' in known) return known;
    return {
      problem: () => {
        // Without a known result the text is no unit's name, which resolveUnit reports as such.
        const r = (known ?? catalog.resolveUnit(name, date, options)) as Extract<UnitResolution, { problem: string }>;
        const guess = r.suggestions[0] ? catalog.resolveUnit(r.suggestions[0], date) : undefined;
        const guessId = guess && 'unit' in guess ? guess.unit.unit_id : 'ENHETS_ID';
        return {
          ...at(role, name), message: r.problem, suggestions: r.suggestions,
          fix: r.problem === 'okänd enhet' ? `Är det en känd enhet med annan stavning: lägg till raden ${csvField(name)},${guessId},, i data/org/aliases.csv.` : undefined,
        };
      },
    };
  };
  const kommunByCode = layout.keyColumns.has('kommun_code') ? byCode('kommun_code') : layout.keyColumns.has('code') ? byCode('code') : { none: true } as Resolved;
  const kommunByName = byName('kommun');
  const kommun = 'unit' in kommunByCode ? kommunByCode : kommunByName;
  if ('unit' in kommunByCode && 'unit' in kommunByName && kommunByCode.unit.unit_id !== kommunByName.unit.unit_id && kommunByName.unit.kind === 'kommun') {
    const [byCodeUnit, byNameUnit] = [kommunByCode.unit, kommunByName.unit];
    return { problem: () => ({ ...at('kommun', cell('kommun')), message: `kommunkoden ${cell(layout.keyColumns.has('kommun_code') ? 'kommun_code' : 'code')} är ${byCodeUnit.name} men namnet säger ${byNameUnit.name}` }) };
  }
  const kommunCode = 'unit' in kommun && kommun.unit.kind === 'kommun' ? kommun.unit.kommun_code ?? undefined : undefined;
  // A code is checked against the catalog even when a name beside it is known.
  const lanByCode = byCode('lan_code');
  const badCode = [kommunByCode, lanByCode].find((r) => 'problem' in r);
  if (badCode) return badCode;
  // A stadsdel the catalog does not know is that row's problem: read as its kommun instead, its answers
  // would pass for the kommun's (and repeat them), and the name would never be said.
  const stadsdel = byName('stadsdel', { kommunCode, subUnit: true });
  if (!('none' in stadsdel)) return stadsdel;
  // Most specific first; evaluated lazily, since a later step is needed only when the earlier ones find nothing.
  const order: (() => Resolved)[] = [
    () => kommunByCode, () => kommunByName,
    () => (layout.keyColumns.has('code') && layout.keyColumns.has('kommun_code') ? byCode('code') : { none: true }),
    () => byName('name', { kommunCode }),
    () => byName('code'),
    () => lanByCode,
    () => byName('lan'),
  ];
  let problem: Resolved | undefined;
  for (const step of order) {
    const r = step();
    if ('unit' in r) return r;
    if ('problem' in r) problem ??= r;
  }
  return problem ?? { none: true };
}

/** The unit as the row spells it: its most specific non-empty key cell. */
export function unitTextOf(row: Row, layout: Layout): string {
  for (const role of unitRoles) {
    const i = layout.keyColumns.get(role);
    if (i !== undefined && text(row.cells[i])) return text(row.cells[i]);
  }
  return '';
}

