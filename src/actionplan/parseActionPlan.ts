import type { Catalog, OrgUnit } from '../config/catalog.ts';
import { readHeaderColumns } from '../imports/headerColumns.ts';
import { ProblemList, type Problem } from '../text/problems.ts';
import { freeTextProblem, parseYear } from '../text/validRanges.ts';
import { parseDate, restoreNeutralized } from '../self/parseSelfAssessment.ts';
import { cellText, type Grid } from '../text/grid.ts';
import { closestNames, normalizeText } from '../text/normalize.ts';

/** One action for one ÖJ gap, as table oj_action stores it. */
export interface ActionRow {
  year: number;
  unit_id: string;
  answering_unit_id: string;
  indicator_id: string;
  action: string | null;
  owner: string | null;
  due_date: string | null;
  action_status: string | null;
  raw_status: string | null;
  comment: string | null;
  unit_text: string;
  sheet: string | null;
  row: number;
}

/** An open ÖJ gap a nämnd is responsible for (view oj_action_plan): what a plan's row must name. */
export interface OpenGap {
  year: number;
  unit_id: string;
  answering_unit_id: string;
  answering_name: string;
  indicator_id: string;
  indicator_title: string;
}

const requiredFields = ['year', 'unit', 'question'] as const;
type Field = (typeof requiredFields)[number] | 'answering_unit' | 'action' | 'owner' | 'due_date' | 'status' | 'comment';

const gapKey = (g: Pick<OpenGap, 'year' | 'unit_id' | 'answering_unit_id' | 'indicator_id'>) =>
  `${g.year}/${g.unit_id}/${g.answering_unit_id}/${g.indicator_id}`;

export interface ParsedActionPlan {
  rows: ActionRow[];
  rowsRead: number;
  /** What stops the import: the file is refused whole. */
  problems: Problem[];
  /** What the import accepts but the follow-up needs completed: a gap without an action, owner or date … */
  remarks: Problem[];
}

/**
 * Reads ÖJ action plans (every sheet with the header of data/vocab/action_columns.csv, or a CSV) and
 * checks them against the open ÖJ gaps each nämnd is responsible for. Refused (problems): an unknown
 * column, year, nämnd, answering unit, question or status, a bad date, a nämnd that is not the
 * organisation's, a row for a question that is no open gap the nämnd is responsible for that year, the
 * same gap twice. Remarked (remarks): a gap without an action, an action without an owner or a date, a
 * date passed (`today`, ISO) on an action not klar, and each gap of a nämnd and year the file covers that
 * the file leaves out. The units are read as they were on the ÖJ year's measure date.
 */
export function parseActionPlan(grids: Grid[], catalog: Catalog, file: string, gaps: OpenGap[], today: string): ParsedActionPlan {
  const problems = new ProblemList(file);
  const remarks = new ProblemList(file);
  const rows: ActionRow[] = [];
  const open = new Map(gaps.map((g) => [gapKey(g), g]));
  let rowsRead = 0;
  const sheets = grids
    .map((grid) => ({ grid, headerIndex: grid.rows.slice(0, 40).findIndex((r) => r.cells.filter((c) => catalog.lookup('action_column', cellText(c))).length >= 3) }))
    .filter((s) => s.headerIndex >= 0);
  if (!sheets.length) problems.add({ message: 'ingen rubrikrad hittades (väntade kolumnerna År, Nämnd, Fråga, Besvarad av, Åtgärd, Ansvarig, Klart senast, Status)' });
  const seen = new Map<string, number>();
  const covered = new Map<string, string | undefined>();
  for (const { grid, headerIndex } of sheets) {
    const header = grid.rows[headerIndex]!;
    const columns = readHeaderColumns<Field>(grid, header, catalog, 'action_column', requiredFields, problems);
    if (!columns) continue;
    const { cell, at } = columns;
    const text = (r: Grid['rows'][number], f: Field) => restoreNeutralized(cellText(cell(r, f))) || null;
    for (const r of grid.rows.slice(headerIndex + 1)) {
      if (r.cells.every((c) => cellText(c) === '')) continue;
      rowsRead++;
      const yearText = cellText(cell(r, 'year')).replace(/\.0$/, '');
      const parsedYear = parseYear(yearText);
      if ('problem' in parsedYear) problems.add({ ...at(r, 'year'), found: yearText, message: parsedYear.problem });
      const year = 'year' in parsedYear ? parsedYear.year : undefined;
      const date = year && catalog.measureDate(year);
      const unitOf = (field: 'unit' | 'answering_unit', fallback?: OrgUnit): OrgUnit | undefined => {
        const name = cellText(cell(r, field));
        if (!name || !date) return name ? undefined : fallback;
        const resolved = catalog.resolveUnit(name, date);
        if ('problem' in resolved) {
          const unknown = resolved.problem === 'okänd enhet';
          problems.add({ ...at(r, field), found: name, message: unknown ? 'okänd enhet' : resolved.problem, suggestions: unknown ? closestNames(name, catalog.namndNamesOn(date)) : resolved.suggestions });
          return undefined;
        }
        return resolved.unit;
      };
      const unit = unitOf('unit');
      if (unit && !catalog.isOrganisationNamnd(unit)) {
        problems.add({ ...at(r, 'unit'), found: cellText(cell(r, 'unit')), message: `${unit.name} är ingen av organisationens nämnder (settings.csv: organisation_unit_id, namnd_kinds)` });
      }
      const answering = unitOf('answering_unit', unit);
      const questionText = cellText(cell(r, 'question'));
      const indicator = year !== undefined ? resolveQuestion(catalog, questionText, year) : undefined;
      if (year !== undefined && !indicator) {
        problems.add({ ...at(r, 'question'), found: questionText, message: `okänd ÖJ-fråga ${year}`, suggestions: closestNames(questionText, catalog.indicators.filter((i) => inForce(i, year)).map((i) => i.title_sv)) });
      }
      const rawStatus = cellText(cell(r, 'status'));
      const status = rawStatus ? catalog.lookup('action_status', rawStatus) : null;
      if (status === undefined) problems.add({ ...at(r, 'status'), found: rawStatus, message: 'okänd status för åtgärden', suggestions: catalog.suggest('action_status', rawStatus) });
      const due = parseDate(cell(r, 'due_date'));
      if ('problem' in due) problems.add({ ...at(r, 'due_date'), found: cellText(cell(r, 'due_date')), message: due.problem });
      for (const f of ['action', 'owner', 'comment'] as const) {
        const tooLong = freeTextProblem(cellText(cell(r, f)));
        if (tooLong) problems.add({ ...at(r, f), message: tooLong });
      }
      if (!year || !unit || !answering || !indicator || status === undefined || !('date' in due)) continue;

      const key = gapKey({ year, unit_id: unit.unit_id, answering_unit_id: answering.unit_id, indicator_id: indicator });
      if (!open.has(key)) {
        const own = gaps.filter((g) => g.year === year && g.unit_id === unit.unit_id);
        problems.add({
          ...at(r, 'question'), found: questionText,
          message: `${own.length ? '' : `${unit.name} har inga ÖJ-brister ${year}; `}en åtgärdsplan gäller de ÖJ-frågor med brist som nämnden ansvarar för, och ${answering.name}s svar ${year} på frågan är ingen sådan`,
          suggestions: closestNames(questionText, own.map((g) => `${g.indicator_id} (${g.answering_name})`)),
        });
        continue;
      }
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.add({ sheet: grid.sheet, row: r.line, found: questionText, message: `bristen (besvarad av ${answering.name}) finns redan på rad ${earlier}` });
        continue;
      }
      seen.set(key, r.line);
      covered.set(`${year}/${unit.unit_id}`, grid.sheet);
      const row: ActionRow = {
        year, unit_id: unit.unit_id, answering_unit_id: answering.unit_id, indicator_id: indicator,
        action: text(r, 'action'), owner: text(r, 'owner'), due_date: due.date, action_status: status, raw_status: rawStatus || null,
        comment: text(r, 'comment'), unit_text: cellText(cell(r, 'unit')), sheet: grid.sheet ?? null, row: r.line,
      };
      rows.push(row);
      const remark = (field: Field, message: string, found?: string | null) => remarks.add({ ...(columns.has(field) ? at(r, field) : { sheet: grid.sheet, row: r.line }), found: found ?? undefined, message });
      if (!row.action) remark('action', 'ÖJ-brist utan åtgärd: beskriv vad som ska göras, vem som ansvarar och när det ska vara klart (raden visas som en brist utan åtgärd)');
      else {
        if (!row.owner) remark('owner', 'åtgärd utan ansvarig: ange en roll eller funktion');
        if (!row.due_date) remark('due_date', 'åtgärd utan datum: ange när den ska vara klar');
        if (!row.action_status) remark('status', 'åtgärd utan status: välj i listan');
      }
      if (row.due_date && row.due_date < today && row.action_status !== 'klar') {
        remark('due_date', `datumet har passerat (i dag är det ${today}) men åtgärden är inte klar: ange ett nytt datum eller uppdatera status`, row.due_date);
      }
    }
  }
  // A nämnd's plan for a year lists every gap it owns that year; one left out is a gap without an action.
  for (const g of gaps) {
    const sheet = covered.get(`${g.year}/${g.unit_id}`);
    if (covered.has(`${g.year}/${g.unit_id}`) && !seen.has(gapKey(g))) {
      remarks.add({ sheet, message: `ÖJ-bristen ${g.indicator_title} (${g.indicator_id}) besvarad av ${g.answering_name} ${g.year} saknas i planen: den visas som en brist utan åtgärd` });
    }
  }
  return { rows, rowsRead, problems: problems.items, remarks: remarks.items };
}

const inForce = (i: { first_year: number; last_year: number | null }, year: number) => i.first_year <= year && (i.last_year === null || year <= i.last_year);

/** A question as written: its indicator id, or its title ("Upphandling – Särskilt boende") in force that year. */
function resolveQuestion(catalog: Catalog, text: string, year: number): string | undefined {
  const norm = normalizeText(text);
  const candidates = catalog.indicators.filter((i) => inForce(i, year));
  return (candidates.find((i) => normalizeText(i.indicator_id) === norm) ?? candidates.find((i) => normalizeText(i.title_sv) === norm))?.indicator_id;
}
