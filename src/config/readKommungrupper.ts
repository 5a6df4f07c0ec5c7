import type { DuckDBValue } from '@duckdb/node-api';
import type { ProblemList } from '../text/problems.ts';
import { closestNames } from '../text/normalize.ts';
import type { ConfigRecord } from './readConfigTable.ts';

type Rows = DuckDBValue[][];

const files = {
  editions: 'org/kommungrupp_editions.csv',
  groups: 'org/kommungrupper.csv',
  members: 'org/kommungrupp_members.csv',
} as const;

/** A name a kommungrupp unit goes by in the ÖJ years of one or more consecutive editions (dates inclusive). */
export interface DatedName {
  name: string;
  from: string | null;
  to: string | null;
}

export interface Kommungrupper {
  /** Rows of kommungrupp_edition, kommungrupp_group and kommungrupp_member. */
  editions: Rows;
  groups: Rows;
  members: Rows;
  /** One unit per group code: its name in the latest edition that has it, and each edition's name with its years. */
  units: { unitId: string; skrGroup: string; name: string; names: DatedName[] }[];
  /** Reports the ÖJ years from `firstOjYear` that come before the earliest edition. */
  requireFrom(firstOjYear: number): void;
}

/**
 * SKR's kommungruppsindelning, edition by edition: the editions and the ÖJ year each applies from (to the
 * year before the next one's), every group's name in each edition, and every kommun's group in each. A
 * city adds an edition with rows only. Refused, naming file, row and column: two editions from the same
 * year, a group or kommun listed twice in an edition, an unknown edition, kommun code or group, a kommun
 * of org/kommuner.csv left out of an edition, and ÖJ years before the earliest edition.
 */
export function readKommungrupper(
  records: { editions: ConfigRecord[]; groups: ConfigRecord[]; members: ConfigRecord[] },
  kommunByCode: Map<string, { unitId: string; name: string }>,
  problems: ProblemList,
): Kommungrupper {
  const editionLine = new Map<string, number>();
  const byFirstYear = new Map<number, string>();
  for (const r of records.editions) {
    const edition = r.get('edition');
    const firstYear = r.int('first_year');
    if (!edition || firstYear === null) continue;
    if (editionLine.has(edition)) {
      problems.add({ file: files.editions, row: r.line, column: 'edition', found: edition, message: `indelningen finns redan på rad ${editionLine.get(edition)}` });
      continue;
    }
    const other = byFirstYear.get(firstYear);
    if (other !== undefined) {
      problems.add({ file: files.editions, row: r.line, column: 'first_year', found: String(firstYear), message: `indelning ${other} (rad ${editionLine.get(other)}) gäller redan från samma ÖJ-år; ett år har en indelning` });
      continue;
    }
    editionLine.set(edition, r.line);
    byFirstYear.set(firstYear, edition);
  }
  const ordered = [...byFirstYear].sort(([a], [b]) => a - b).map(([firstYear, edition]) => ({ edition, firstYear }));
  const span = new Map(ordered.map((e, i) => [e.edition, { first: e.firstYear, last: i + 1 < ordered.length ? ordered[i + 1]!.firstYear - 1 : null }]));
  if (!ordered.length) problems.add({ file: files.editions, message: 'ingen kommungruppsindelning: varje ÖJ-år behöver en' });
  const editions: Rows = records.editions
    .filter((r) => editionLine.get(r.opt('edition') ?? '') === r.line)
    .map((r) => {
      const { first, last } = span.get(r.get('edition'))!;
      return [r.get('edition'), r.get('title_sv'), first, last, r.opt('note')];
    });
  const knownEdition = (file: string, r: ConfigRecord, edition: string) => {
    if (edition && !span.has(edition)) problems.add({ file, row: r.line, column: 'edition', found: edition, message: `okänd indelning (finns inte i ${files.editions})`, suggestions: closestNames(edition, span.keys()) });
    return span.has(edition);
  };

  // Groups: a code is one unit in every edition that has it, whatever its name there.
  const groupLine = new Map<string, number>();
  const unitOfCode = new Map<string, { unitId: string; line: number }>();
  const codeOfUnit = new Map<string, string>();
  const groups: Rows = [];
  for (const r of records.groups) {
    const [edition, code, unitId, name] = [r.get('edition'), r.get('skr_group'), r.get('unit_id'), r.get('name')];
    if (!knownEdition(files.groups, r, edition)) continue;
    const key = `${edition}/${code}`;
    if (groupLine.has(key)) {
      problems.add({ file: files.groups, row: r.line, column: 'skr_group', found: code, message: `gruppen finns redan i indelning ${edition} (rad ${groupLine.get(key)})` });
      continue;
    }
    const known = unitOfCode.get(code);
    if (known && known.unitId !== unitId) {
      problems.add({ file: files.groups, row: r.line, column: 'unit_id', found: unitId, message: `grupp ${code} är enheten ${known.unitId} på rad ${known.line}; en grupp har samma enhets-id i alla indelningar` });
      continue;
    }
    if (codeOfUnit.has(unitId) && codeOfUnit.get(unitId) !== code) {
      problems.add({ file: files.groups, row: r.line, column: 'unit_id', found: unitId, message: `enheten är redan grupp ${codeOfUnit.get(unitId)}` });
      continue;
    }
    groupLine.set(key, r.line);
    unitOfCode.set(code, known ?? { unitId, line: r.line });
    codeOfUnit.set(unitId, code);
    groups.push([edition, code, unitId, name]);
  }

  const memberLine = new Map<string, number>();
  const members: Rows = [];
  for (const r of records.members) {
    const [edition, code, group] = [r.get('edition'), r.get('kommun_code'), r.get('skr_group')];
    if (!knownEdition(files.members, r, edition)) continue;
    const kommun = kommunByCode.get(code);
    if (!kommun) {
      problems.add({ file: files.members, row: r.line, column: 'kommun_code', found: code, message: 'okänd kommunkod (finns inte i org/kommuner.csv)', suggestions: closestNames(code, kommunByCode.keys()) });
      continue;
    }
    const name = r.opt('kommun');
    if (name !== null && name !== kommun.name) {
      problems.add({ file: files.members, row: r.line, column: 'kommun', found: name, message: `kommunkoden ${code} är ${kommun.name} i org/kommuner.csv` });
    }
    if (!groupLine.has(`${edition}/${group}`)) {
      const codes = groups.filter((g) => g[0] === edition).map((g) => g[1] as string);
      problems.add({ file: files.members, row: r.line, column: 'skr_group', found: group, message: `kommungruppen finns inte i indelning ${edition} (${files.groups})`, suggestions: closestNames(group, codes) });
      continue;
    }
    const key = `${edition}/${code}`;
    if (memberLine.has(key)) {
      problems.add({ file: files.members, row: r.line, column: 'kommun_code', found: code, message: `kommunen har redan en grupp i indelning ${edition} (rad ${memberLine.get(key)})` });
      continue;
    }
    memberLine.set(key, r.line);
    members.push([edition, kommun.unitId, group]);
  }
  // A kommun left out of an edition would silently drop out of its group's share.
  for (const { edition } of ordered) {
    const missing = [...kommunByCode].filter(([code]) => !memberLine.has(`${edition}/${code}`));
    if (missing.length) {
      const shown = missing.slice(0, 5).map(([code, k]) => `${code} ${k.name}`).join(', ') + (missing.length > 5 ? ', …' : '');
      problems.add({ file: files.members, column: 'kommun_code', found: shown, message: `indelning ${edition} saknar ${missing.length} av kommunerna i org/kommuner.csv; varje kommun ska ha en grupp i varje indelning` });
    }
  }

  const units = [...unitOfCode].map(([code, { unitId }]) => {
    const names: DatedName[] = [];
    for (const { edition } of ordered) {
      const g = groups.find((row) => row[0] === edition && row[1] === code);
      if (!g) continue;
      const { first, last } = span.get(edition)!;
      const previous = names.at(-1);
      // Consecutive editions that keep a name are one span of years.
      if (previous && previous.name === g[3] && previous.to === `${first - 1}-12-31`) previous.to = last === null ? null : `${last}-12-31`;
      else names.push({ name: g[3] as string, from: `${first}-01-01`, to: last === null ? null : `${last}-12-31` });
    }
    return { unitId, skrGroup: code, name: names.at(-1)?.name ?? code, names };
  });

  return {
    editions, groups, members, units,
    requireFrom(firstOjYear) {
      const earliest = ordered[0];
      if (earliest && firstOjYear < earliest.firstYear) {
        problems.add({
          file: files.editions, row: editionLine.get(earliest.edition), column: 'first_year', found: String(earliest.firstYear),
          message: `ÖJ-åren ${firstOjYear}–${earliest.firstYear - 1} (indicators.csv) har ingen kommungruppsindelning; den tidigaste ska gälla från ${firstOjYear}`,
        });
      }
    },
  };
}
