/**
 * `beredskap report NAME`: a view for a terminal user. The readiness, gap and goal reports are the
 * export's own sheets (src/roundtrip/exportData.ts), so the terminal, the workbook and CSV show the same
 * rows with the same Swedish labels; the terminal shows fewer columns. Without --unit they cover the
 * organisation and its nämnder, without --year the latest year with data (--all: every year).
 */
import type { Database } from '../db/database.ts';
import { percent } from '../../docs/components/format.js';
import { exportSheets, type ExportColumn, type ExportSheet, type Row } from '../roundtrip/exportData.ts';
import { label, loadLabels, type Labels } from '../roundtrip/labels.ts';
import { toCsv } from '../text/writeCsv.ts';
import { formatTable } from './formatTable.ts';
import { deadlinesIcs } from './icsCalendar.ts';
import { emptySelectionMessage } from './selectionInfo.ts';

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
      { header: 'År' }, { header: 'Period' }, { header: 'Enhet' }, { header: 'Underlag' }, { header: 'Indikator eller krav' },
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

export interface ReportOptions {
  year?: number;
  /** Every year, not only the latest. */
  all?: boolean;
  unit?: { unitId: string; name: string };
  format: Format;
  /** `report due`: deadlines due within this many months (default 12, the nämnd page's calendar). */
  months?: number;
}

const cellOf = (c: ExportColumn, r: Row, labels: Labels) => (typeof c.value === 'string' ? r[c.value] : c.value(r, labels));

/** The report as text for stdout; `empty` when the selection held nothing (the text then says which years exist). */
export async function runReport(db: Database, name: string, options: ReportOptions): Promise<{ text: string; empty: boolean }> {
  const def = reports[name]!;
  const all = await db.all<Row>(def.sheet.sql, def.sheet.unitFiltered ? [null, options.unit?.unitId ?? null] : [null]);
  const years = [...new Set(all.map((r) => Number(r.year)))];
  const year = options.year ?? (options.all ? undefined : Math.max(...years));
  const months = options.months ?? 12;
  const rows = all.filter((r) => (year === undefined || Number(r.year) === year) && (!def.withinMonths || r.months_ahead === null || Number(r.months_ahead) <= months));
  if (!rows.length) return { text: emptySelectionMessage({ year: options.year, unit: options.unit?.name }, years), empty: true };
  if (options.format === 'json') return { text: JSON.stringify(rows, null, 2), empty: false };
  const labels = await loadLabels(db);
  if (options.format === 'ics') return { text: deadlinesIcs(rows, labels), empty: false };
  const columns: (ExportColumn & { max?: number })[] = options.format === 'csv'
    ? def.sheet.columns
    : def.terminal.map((t) => ({ ...def.sheet.columns.find((c) => c.header === t.header)!, max: t.max }));
  if (options.format === 'csv') return { text: toCsv(columns.map((c) => c.header), rows.map((r) => columns.map((c) => cellOf(c, r, labels)))), empty: false };
  return {
    empty: false,
    text: formatTable(
      columns.map((c) => c.header),
      rows.map((r) => columns.map((c) => {
        const v = cellOf(c, r, labels);
        if (c.kind === 'share') return percent(v as number | null);
        if (v === null || v === undefined || v === '') return null;
        if (c.kind === 'integer' || c.kind === 'number') return c.header === 'År' || /^Sedan/.test(c.header) ? String(v) : Number(v);
        const text = c.kind === 'date' ? String(v).slice(0, 10) : String(v);
        return c.max && text.length > c.max ? `${text.slice(0, c.max - 1)}…` : text;
      })),
    ),
  };
}
