import type { Catalog } from '../config/catalog.ts';
import { isJudgementHeader, parseJudgement } from '../judgement/parseJudgement.ts';
import { InputError, ProblemList, type Problem } from '../text/problems.ts';
import { parseYear } from '../text/validRanges.ts';
import { parseSelfAssessment } from './parseSelfAssessment.ts';
import { cellText, columnLabel, type CellValue, type Grid } from '../text/grid.ts';
import { choiceText, statusChoices, statusLabel } from '../config/labels.ts';
import { templateInfoLabels, type TemplateInfo } from './templateLayout.ts';

/** A problem of a self-assessment file, and whether the import would refuse the file because of it. */
export interface ValidationProblem extends Problem {
  blocksImport: boolean;
  /** A requirement the report left out: which report ("Farsta 2025 T1") and requirement, for a summary line. */
  missing?: { report: string; requirementId: string };
}

type Field = 'year' | 'period' | 'unit' | 'requirement' | 'status' | 'comment' | 'action' | 'owner' | 'due_date' | 'decision_date' | 'decision_ref';

interface Layout {
  header: Grid['rows'][number];
  headerIndex: number;
  columns: Map<Field, number>;
}

/*
 * locateColumns and requirementId follow parseSelfAssessment's own rules (private there, and left so):
 * the row checks below must read the file even when the import refuses it, so they cannot use its rows.
 */

/** The header row as the import finds it: the first row with three known column names, not nämndens bedömning's. */
function locateColumns(grid: Grid, catalog: Catalog): Layout | undefined {
  const headerIndex = grid.rows.slice(0, 40).findIndex((r) =>
    r.cells.filter((c) => catalog.lookup('self_column', cellText(c))).length >= 3 && !isJudgementHeader(r.cells, catalog));
  if (headerIndex < 0) return undefined;
  const header = grid.rows[headerIndex]!;
  const columns = new Map<Field, number>();
  header.cells.forEach((c, i) => {
    const field = catalog.lookup('self_column', cellText(c));
    if (field && field !== 'ignore' && !columns.has(field as Field)) columns.set(field as Field, i);
  });
  return { header, headerIndex, columns };
}

/** Whose template a file is, from the "Om mallen" block of its instruction sheet; undefined for other files. */
export function readTemplateInfo(grids: Grid[]): TemplateInfo | undefined {
  for (const grid of grids) {
    const value = (key: string) => cellText(grid.rows.find((r) => cellText(r.cells[0] ?? null) === key)?.cells[1] ?? null);
    const unitId = value(templateInfoLabels.unitId);
    const year = Number(value(templateInfoLabels.year).replace(/\.0$/, ''));
    if (unitId && Number.isInteger(year) && year > 2000) {
      return { unitId, unitName: value(templateInfoLabels.unitName) || unitId, year, period: value(templateInfoLabels.period) };
    }
  }
  return undefined;
}

/** "2025-09-30" from a date cell or ISO text; anything else is the import's problem, not this check's. */
function isoDate(value: CellValue): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.exec(cellText(value))?.[0];
}

/** A requirement cell's id, read as the import reads it ("B01", "B01 Aktuell RSA" or the requirement's text). */
function requirementId(catalog: Catalog, text: string): string | undefined {
  const id = /^([A-Za-zÅÄÖåäö]*\d+)\b/.exec(text)?.[1]?.toUpperCase();
  if (id && catalog.requirements.has(id)) return id;
  const norm = text.trim().toLowerCase();
  return [...catalog.requirements.values()].find((r) => r.text_sv.toLowerCase() === norm)?.requirement_id;
}

/**
 * Every problem of one self-assessment file, for a report a säkerhetssamordnare can send back to the
 * nämnd: all of the import's own errors (which stop the import), and what the import accepts but the
 * follow-up cannot use — a missing status, `Ej uppfyllt` without an action, a planned action whose
 * date has passed, a requirement with a deadline reported `Uppfyllt` without a decision dated in the
 * deadline's period (decisionRemark), a requirement left out, and a nämnd, year or period that is not the
 * template's.
 * `today` is an ISO date.
 */
export function validateSelfAssessment(grids: Grid[], catalog: Catalog, file: string, today: string, options: { year?: number } = {}): ValidationProblem[] {
  const blocking: Problem[] = [];
  // The template's sheet of nämndens bedömning is imported with the file, so its errors stop it too.
  for (const parse of [() => parseSelfAssessment(grids, catalog, file), () => parseJudgement(grids, catalog, file, false)]) {
    try {
      parse();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      blocking.push(...error.problems);
    }
  }
  const template = readTemplateInfo(grids);
  const checks = new ProblemList(file);
  // Which requirements each report (year × period × nämnd) covers, to name the ones it left out.
  const groups = new Map<string, { sheet?: string; year: number; seen: Set<string> }>();
  const templateKey = template && `${template.year}/${template.period}/${template.unitId}`;
  if (template) groups.set(templateKey!, { year: template.year, seen: new Set() });

  for (const grid of grids) {
    const layout = locateColumns(grid, catalog);
    if (!layout) continue;
    const { header, headerIndex, columns } = layout;
    for (const r of grid.rows.slice(headerIndex + 1)) {
      const value = (f: Field) => (columns.has(f) ? r.cells[columns.get(f)!] ?? null : null);
      const text = (f: Field) => cellText(value(f));
      const add = (f: Field, message: string, found?: string) => {
        const i = columns.get(f);
        checks.add({ sheet: grid.sheet, row: r.line, column: i === undefined ? undefined : columnLabel(grid, i, cellText(header.cells[i] ?? null)), found: found || undefined, message });
      };

      const statusText = text('status');
      const status = statusText === '' ? 'ej_svar' : catalog.lookup('self_status', statusText);
      if (columns.has('status') && status === 'ej_svar') {
        add('status', `status saknas: välj ${choiceText(statusChoices(catalog))} (ett krav utan status räknas som ej besvarat)`, statusText);
      }
      if (status === 'ej_uppfyllt' && text('action') === '') {
        add('action', `${statusLabel(catalog, 'ej_uppfyllt')} utan åtgärd: beskriv vad som ska göras, vem som ansvarar och när det ska vara klart`);
      }
      const due = isoDate(value('due_date'));
      if (due && due < today && status !== 'uppfyllt' && status !== 'ej_aktuellt') {
        add('due_date', `datumet för den planerade åtgärden har passerat (i dag är det ${today}), men kravet är inte uppfyllt: ange ett nytt datum eller uppdatera status`, due);
      }

      const yearText = text('year').replace(/\.0$/, '');
      const period = catalog.lookup('period', text('period'));
      if (template) {
        // The import refuses it (unless --year names the row's year), so the report marks it as stopping.
        if (columns.has('year') && yearText !== String(template.year) && yearText !== String(options.year ?? '')) {
          const i = columns.get('year')!;
          blocking.push({
            file, sheet: grid.sheet, row: r.line, column: columnLabel(grid, i, cellText(header.cells[i] ?? null)), found: yearText,
            message: `året är inte mallens: mallen gäller ${template.year}; ange --year ${yearText} om raderna ska gälla ${yearText}`,
          });
        }
        if (columns.has('period') && period && period !== template.period) add('period', `perioden är inte mallens: mallen gäller ${template.period}`, text('period'));
        const templateEnd = catalog.periodEnds.get(template.period);
        const unit = text('unit') && templateEnd ? catalog.resolveUnit(text('unit'), `${template.year}-${templateEnd}`) : undefined;
        if (unit && 'unit' in unit && unit.unit.unit_id !== template.unitId) {
          add('unit', `nämnden är inte mallens: mallen gäller ${template.unitName}`, text('unit'));
        }
      }

      // A template's rows all belong to its report; a row naming another nämnd or year is reported
      // above, not again as a requirement left out. Other files are grouped by what their rows say.
      const id = requirementId(catalog, text('requirement'));
      const parsedYear = parseYear(yearText);
      const year = 'year' in parsedYear ? parsedYear.year : undefined;
      const monthDay = period ? catalog.periodEnds.get(period) : undefined;
      const unit = !template && year && monthDay ? catalog.resolveUnit(text('unit'), `${year}-${monthDay}`) : undefined;
      const key = templateKey ?? (year && period && unit && 'unit' in unit ? `${year}/${period}/${unit.unit.unit_id}` : undefined);
      const reportUnit = template?.unitId ?? (unit && 'unit' in unit ? unit.unit.unit_id : undefined);
      const reportYear = template?.year ?? year;
      if (id && reportUnit && reportYear && catalog.unit(reportUnit) && !catalog.applies(id, reportUnit, reportYear)
          && catalog.requirements.get(id)!.since_year <= reportYear && (catalog.requirements.get(id)!.until_year ?? 9999) >= reportYear) {
        add('requirement', `kravet gäller inte ${catalog.unit(reportUnit)!.name} (data/requirement_applicability.csv): raden räknas inte`, text('requirement'));
      }
      const reportEnd = catalog.periodEnds.get(template?.period ?? period ?? '');
      if (status === 'uppfyllt' && id && reportYear && reportEnd) {
        const remark = decisionRemark(catalog, id, `${reportYear}-${reportEnd}`, isoDate(value('decision_date')));
        if (remark) add('decision_date', remark, text('decision_date'));
      }
      if (id && key) {
        const group = groups.get(key) ?? groups.set(key, { year: year!, seen: new Set() }).get(key)!;
        group.sheet ??= grid.sheet;
        group.seen.add(id);
      }
    }
  }

  const missing: ValidationProblem[] = [];
  for (const [key, group] of groups) {
    const [year, period, unitId] = key.split('/');
    for (const r of catalog.requirements.values()) {
      if (catalog.applies(r.requirement_id, unitId!, group.year) && !group.seen.has(r.requirement_id)) {
        const report = `${catalog.unit(unitId!)?.name ?? unitId} ${year} ${period}`;
        missing.push({
          file, sheet: group.sheet, blocksImport: false, missing: { report, requirementId: r.requirement_id },
          message: `kravet ${r.requirement_id} (${r.text_sv}) saknas för ${report}: ett krav som inte redovisas räknas som ej besvarat`,
        });
      }
    }
  }

  return sortProblems([
    ...blocking.map((p) => ({ ...p, blocksImport: true })),
    ...checks.items.map((p) => ({ ...p, blocksImport: false })),
    ...missing,
  ]);
}

/**
 * Why a requirement reported uppfyllt in a report per `reportEnd` lacks the decision that shows it, when
 * the requirement carries a deadline: no decision date, or one outside the deadline's period that had
 * begun by the report's end (an RSA adopted in 2023 does not meet the deadline of 2027), or one after the
 * report's end. Undefined when the requirement has no deadline then, or the decision is in its period.
 */
export function decisionRemark(catalog: Catalog, requirementId: string, reportEnd: string, decisionDate: string | undefined): string | undefined {
  const due = catalog.dueDateOn(requirementId, reportEnd);
  if (!due) return undefined;
  const deadline = `tidsfristen ”${due.title}” (${due.dueDate}, perioden från ${due.windowStart})`;
  if (!decisionDate) return `${statusLabel(catalog, 'uppfyllt')} utan beslutsdatum: kravet har ${deadline}; ange beslutsdatum och diarienummer eller dokument för beslutet som visar att kravet är uppfyllt`;
  if (decisionDate < due.windowStart) return `beslutet är från en tidigare period och uppfyller inte ${deadline}: ange beslutet för den här perioden, eller ändra status`;
  if (decisionDate > reportEnd) return `beslutsdatumet ligger efter rapportperiodens slut ${reportEnd}: ange dagen då beslutet fattades`;
  return undefined;
}

/** Column letter(s) or number at the start of a column label, as a sortable number. */
function columnOrder(label: string | undefined): number {
  if (label === undefined) return -1;
  const head = /^([A-Z]+|\d+)/.exec(label)?.[1] ?? '';
  return /^\d+$/.test(head) ? Number(head) : [...head].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * In the order a person works through the file: file, sheet, row, column; problems of the whole file
 * first, those of a whole sheet (a requirement left out) after its rows.
 */
export function sortProblems<T extends Problem>(problems: T[]): T[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) =>
      a.p.file.localeCompare(b.p.file, 'sv') ||
      (a.p.sheet === undefined ? -1 : 0) - (b.p.sheet === undefined ? -1 : 0) ||
      (a.p.sheet ?? '').localeCompare(b.p.sheet ?? '', 'sv') ||
      (a.p.row ?? Infinity) - (b.p.row ?? Infinity) ||
      columnOrder(a.p.column) - columnOrder(b.p.column) ||
      a.i - b.i)
    .map(({ p }) => p);
}
