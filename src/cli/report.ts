/**
 * `beredskap report NAME`: a view for a terminal user. The readiness, gap and goal reports are the
 * export's own sheets (src/export/exportData.ts), so the terminal, the workbook and CSV show the same
 * rows with the same Swedish labels; the terminal shows fewer columns. Without --unit they cover the
 * organisation and its nämnder, without --year the latest year with data (--all: every year).
 */
import type { Database } from '../db/database.ts';
import { percent } from '../present/format.js';
import { exportSheets, type ExportColumn, type ExportSheet, type Row } from '../export/exportData.ts';
import { label, loadLabels, type Labels } from '../config/labels.ts';
import { toCsv } from '../present/csv.js';
import { formatTable } from '../text/formatTable.ts';
import { deadlinesIcs } from './icsCalendar.ts';
import { emptySelectionMessage } from '../db/selectionInfo.ts';

type Format = 'table' | 'csv' | 'json' | 'ics';

interface ReportDef {
  sheet: ExportSheet;
  /** The sheet's columns a terminal shows, by header; long text cut at `max` characters. */
  terminal: { header: string; max?: number }[];
  /** Rows of deadlines: those passed, and those due within --months (12) of the sheet's Per date (months_ahead). */
  withinMonths?: boolean;
}

const sheet = (name: string) => exportSheets.find((s) => s.name === name)!;

const fidelity: ExportSheet = {
  name: 'Kontroll av publicerade andelar',
  slug: 'fidelity',
  unitFiltered: true,
  sql: `select f.year, f.file_name, f.unit_id, coalesce(u.name, f.unit_id) as unit_name, f.indicator_id, i.title_sv as indicator_text,
               f.share_published, f.share_recomputed, f.diff_pp, f.ok
        from fidelity f
        left join org_unit u using (unit_id)
        left join indicator i using (indicator_id)
        where ($1::integer is null or f.year = $1) and ($2::varchar is null or f.unit_id = $2)
        order by f.year, f.unit_id, f.indicator_id`,
  columns: [
    { header: 'År', kind: 'integer', value: 'year' }, { header: 'Fil', kind: 'text', value: 'file_name' },
    { header: 'Nivå', kind: 'text', value: 'unit_name' }, { header: 'Indikator', kind: 'text', value: 'indicator_text' },
    { header: 'Publicerad', kind: 'share', value: 'share_published' }, { header: 'Omräknad', kind: 'share', value: 'share_recomputed' },
    { header: 'Skillnad (p.e.)', kind: 'number', value: 'diff_pp' },
    { header: 'Stämmer', kind: 'text', value: (r: Row) => label({ true: 'ja', false: 'nej' }, r.ok) },
  ],
};

export const reports: Record<string, ReportDef> = {
  readiness: {
    sheet: sheet('Beredskap'),
    terminal: ['År', 'Enhet', 'Fokusområde', 'Underlag', 'Poster', 'Uppfyllda', 'Delvis', 'Ej uppfyllda', 'Pågår', 'Ej svar', 'Ej aktuella', 'Andel uppfyllt', 'Få poster', 'Andel besvarat'].map((header) => ({ header })),
  },
  gaps: {
    sheet: sheet('Brister'),
    terminal: [
      // a requirement by its number, an ÖJ question by its title alone (its id is ours, not the city's)
      { header: 'År' }, { header: 'Period' }, { header: 'Enhet' }, { header: 'Underlag' }, { header: 'Krav' },
      { header: 'Beskrivning', max: 50 }, { header: 'Svar eller status' }, { header: 'Brist' }, { header: 'Sedan år' },
      { header: 'Ansvarig', max: 24 }, { header: 'Klart senast' }, { header: 'Försenad vid periodens slut' },
    ],
  },
  goals: {
    sheet: sheet('Måluppfyllelse'),
    terminal: ['År', 'Nämnd', 'Fokusområde', 'Nämndens bedömning', 'Mål', 'Beräknad andel uppfyllt', 'Tillämpliga poster', 'Beräknad måluppfyllelse'].map((header) => ({ header })),
  },
  summary: {
    sheet: sheet('Enheter'),
    terminal: ['År', 'Enhet', 'Senaste rapport', 'Tillämpliga krav', 'Öppna krav', 'Försenade vid periodens slut', 'ÖJ-brister enheten ansvarar för', 'Nya ÖJ-brister',
      'ÖJ-brister utan åtgärd', 'Passerade tidsfrister utan beslut'].map((header) => ({ header })),
  },
  due: {
    sheet: sheet('Tidsfrister'),
    terminal: [{ header: 'År' }, { header: 'Per' }, { header: 'Enhet' }, { header: 'Tidsfrist', max: 50 }, { header: 'Krav' }, { header: 'Senast' }, { header: 'Läge' },
      { header: 'Beslutsdatum' }, { header: 'Diarienummer eller dokument', max: 24 }],
    withinMonths: true,
  },
  fidelity: {
    sheet: fidelity,
    terminal: [{ header: 'År' }, { header: 'Fil' }, { header: 'Nivå' }, { header: 'Indikator', max: 50 }, { header: 'Publicerad' }, { header: 'Omräknad' }, { header: 'Skillnad (p.e.)' }, { header: 'Stämmer' }],
  },
};

/** Reports written as a document to a file rather than printed: `report annual` (src/annual/annualCommand.ts). */
export const documentReports = ['annual'];

export interface ReportOptions {
  year?: number;
  /** Every year, not only the latest. */
  all?: boolean;
  unit?: { unitId: string; name: string };
  format: Format;
  /** readiness: every basis and count on a line of its own (the export's sheet), not one line per unit. */
  long?: boolean;
  /** gaps: every report of the year (T1, T2, VB), not only each unit's latest. */
  allPeriods?: boolean;
  /** `report due`: deadlines due within this many months (default 12, the nämnd page's calendar). */
  months?: number;
}

const cellOf = (c: ExportColumn, r: Row, labels: Labels) => (typeof c.value === 'string' ? r[c.value] : c.value(r, labels));

/** The report as text for stdout; `empty` when the selection held nothing (the text then says which years exist). */
export async function runReport(db: Database, name: string, options: ReportOptions): Promise<{ text: string; empty: boolean }> {
  if (name === 'readiness' && !options.long) return readinessByUnit(db, options);
  const def = reports[name]!;
  const all = await db.all<Row>(def.sheet.sql, def.sheet.unitFiltered ? [null, options.unit?.unitId ?? null] : [null]);
  const years = [...new Set(all.map((r) => Number(r.year)))];
  const year = options.year ?? (options.all ? undefined : Math.max(...years));
  const months = options.months ?? 12;
  // a gap list is each unit's latest report of the year unless every report is asked for
  const rows = all.filter(
    (r) =>
      (year === undefined || Number(r.year) === year) &&
      (name !== 'gaps' || options.allPeriods || r.is_latest_period !== false) &&
      (!def.withinMonths || r.months_ahead === null || Number(r.months_ahead) <= months),
  );
  if (!rows.length) return { text: emptySelectionMessage({ year: options.year, unit: options.unit?.name }, years), empty: true };
  if (options.format === 'json') return { text: JSON.stringify(rows, null, 2), empty: false };
  const labels = await loadLabels(db);
  if (options.format === 'ics') return { text: deadlinesIcs(rows, labels), empty: false };
  const columns: (ExportColumn & { max?: number })[] = options.format === 'csv'
    ? def.sheet.columns
    : def.terminal.map((t) => ({ ...def.sheet.columns.find((c) => c.header === t.header)!, max: t.max }));
  if (options.format === 'csv') return { text: toCsv(columns.map((c) => c.header), rows.map((r) => columns.map((c) => cellOf(c, r, labels)))), empty: false };
  const table = formatTable(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => {
      const v = cellOf(c, r, labels);
      if (c.kind === 'share') return percent(v as number | null);
      if (v === null || v === undefined || v === '') return null;
      if (c.kind === 'integer' || c.kind === 'number') return c.header === 'År' || /^Sedan/.test(c.header) ? String(v) : Number(v);
      const text = c.kind === 'date' ? String(v).slice(0, 10) : String(v);
      return c.max && text.length > c.max ? `${text.slice(0, c.max - 1)}…` : text;
    })),
  );
  const lead = name === 'goals' && !options.unit ? await citySummary(db, labels, [...new Set(rows.map((r) => Number(r.year)))]) : [];
  return { empty: false, text: [...lead, table].join('\n') };
}

/**
 * `report readiness` for a terminal: one line per unit, nämnder before bolag in Swedish order, the
 * fokusområden as columns, each the combined share with its n ("57,1 % (n=7)"; marked when it rests on
 * fewer than five items), from report_readiness_unit.
 */
async function readinessByUnit(db: Database, options: ReportOptions): Promise<{ text: string; empty: boolean }> {
  interface Fokus { title: string; share_met: number | null; n_applicable: number | null; few_items: boolean | null }
  const all = await db.all<{ year: number; unit_id: string; name: string; unit_group: string; fokus: Fokus[] }>(
    'select year, unit_id, name, unit_group, fokus from report_readiness_unit where $1::varchar is null or unit_id = $1 order by year, sort_order',
    [options.unit?.unitId ?? null],
  );
  const years = [...new Set(all.map((r) => r.year))];
  const year = options.year ?? (options.all ? undefined : Math.max(...years));
  const rows = all.filter((r) => year === undefined || r.year === year);
  if (!rows.length) return { text: emptySelectionMessage({ year: options.year, unit: options.unit?.name }, years), empty: true };
  if (options.format === 'json') return { text: JSON.stringify(rows, null, 2), empty: false };
  const labels = await loadLabels(db);
  const titles = rows[0]!.fokus.map((f) => f.title);
  const cell = (f: Fokus) => (f.share_met === null ? `– (n=${f.n_applicable ?? 0})` : `${percent(f.share_met)} (n=${f.n_applicable}${f.few_items ? '*' : ''})`);
  if (options.format === 'csv') {
    return {
      empty: false,
      text: toCsv(['År', 'Enhet', 'Enheter', ...titles.flatMap((t) => [`${t}: andel uppfyllt`, `${t}: n`])],
        rows.map((r) => [r.year, r.name, labels('unit_group', r.unit_group), ...r.fokus.flatMap((f) => [f.share_met, f.n_applicable])])),
    };
  }
  const withYear = year === undefined;
  const table = formatTable(
    [...(withYear ? ['År'] : []), 'Enhet', ...titles],
    rows.map((r) => [...(withYear ? [String(r.year)] : []), r.unit_group === 'bolag' ? `${r.name} (bolag)` : r.name, ...r.fokus.map(cell)]),
  );
  const note = rows.some((r) => r.fokus.some((f) => f.few_items)) ? '\n* färre än fem tillämpliga poster: en post flyttar andelen mycket.' : '';
  const heading = `Andel uppfyllt ${withYear ? 'per år' : year}, ÖJ-svar och självskattning sammantaget; n = tillämpliga poster (--long: per underlag).`;
  return { empty: false, text: `${heading}\n${table}${note}` };
}

/** The city's summary per year, nämnder and bolag apart: nämndens bedömning, then beräknad måluppfyllelse (dash_leadership_attainment). */
async function citySummary(db: Database, labels: Labels, years: number[]): Promise<string[]> {
  const rows = await db.all<{ year: number; unit_group: string; measure: string; n_units: number; n_helt: number; n_delvis: number; n_ej: number; n_none: number; has_data: boolean }>(
    `select year, unit_group, measure, n_units, n_helt, n_delvis, n_ej, n_none, has_data from dash_leadership_attainment
     where profile = 'internal' and goal = 'samtliga' and year between $1 and $2 order by year, unit_group desc, measure`,
    [Math.min(...years), Math.max(...years)],
  );
  const lines = rows.map((r) => `${r.year} ${labels('unit_group', r.unit_group)}, ${(labels('measure', r.measure) ?? '').toLowerCase()}: ${r.has_data
    ? `${r.n_helt} av ${r.n_units} helt, ${r.n_delvis} delvis, ${r.n_ej} ej${r.n_none ? `, ${r.n_none} ${r.measure === 'bedomning' ? 'utan bedömning' : 'utan uppgifter'}` : ''}`
    : 'inga uppgifter'}.`);
  return lines.length ? ['Samtliga fokusområden:', ...lines, ''] : [];
}
