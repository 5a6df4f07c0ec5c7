import ExcelJS from 'exceljs';
import type { Rng } from './random.ts';
import type { SampleInputs, SamplePeriod } from './sampleInputs.ts';
import type { SelfRow, SelfStatus } from './selfModel.ts';
import { csvQuote } from '../present/csv.js';
import { spellUnitName } from './spelling.ts';

/**
 * Self-assessment files as a nämnd's template looks once filled in: a title row, a blank row, the
 * header, one row per nämnd × requirement. Status, period and nämnd are written the way people type
 * them, so that every sample import exercises the vocabularies.
 */

export const selfHeader = ['År', 'Period', 'Nämnd', 'Krav', 'Kravtext', 'Status', 'Kommentar', 'Åtgärd', 'Ansvarig', 'Klart senast', 'Beslutsdatum', 'Diarienummer'];

const statusSpellings: Record<SelfStatus, [string[], number[]]> = {
  uppfyllt: [['Uppfyllt', 'uppfyllt helt', 'Helt uppfyllt'], [85, 10, 5]],
  delvis: [['Delvis uppfyllt', 'Delvis'], [70, 30]],
  ej_uppfyllt: [['Ej uppfyllt', 'Inte uppfyllt'], [90, 10]],
  ej_aktuellt: [['Ej aktuellt'], [1]],
  ej_svar: [['', '-'], [90, 10]],
};

const kindOrder = ['kommunstyrelse', 'stadsdelsnamnd', 'facknamnd', 'bolag'];

/** The period as one file writes it: mostly the short code, in some files the long name. */
function spellPeriod(rng: Rng, period: SamplePeriod, year: number): string {
  return period.spellings.length && rng.chance(0.3, 'period-spelling', year, period.period)
    ? rng.pick(period.spellings, ['period-text', year, period.period])
    : period.period;
}

/** The file's rows as cell values (a Date for the due date), nämnder in a readable order. */
export function selfTable(rows: SelfRow[], inputs: SampleInputs, rng: Rng): (string | number | Date | null)[][] {
  const sorted = [...rows].sort((a, b) =>
    kindOrder.indexOf(a.unit.kind) - kindOrder.indexOf(b.unit.kind) ||
    a.unit.name.localeCompare(b.unit.name, 'sv') ||
    a.requirement.requirement_id.localeCompare(b.requirement.requirement_id));
  return sorted.map((r) => {
    const periodEnd = `${r.year}-${r.period.period_end}`;
    const status = rng.pick(statusSpellings[r.status][0], ['status-spelling', r.unit.unit_id, r.requirement.requirement_id, r.year, r.period.period], statusSpellings[r.status][1]);
    return [
      r.year,
      spellPeriod(rng, r.period, r.year),
      spellUnitName(rng, inputs, r.unit, periodEnd, ['self', r.year, r.period.period]),
      r.requirement.requirement_id,
      r.requirement.text_sv,
      status === '' ? null : status,
      r.comment,
      r.action,
      r.owner,
      r.dueDate,
      r.decisionDate,
      r.decisionRef,
    ];
  });
}

export const selfTitle = (year: number, period: SamplePeriod) =>
  `Självskattning säkerhetsprogrammet ${year} ${period.period} (exempeldata)`;

export function buildSelfWorkbook(title: string, table: ReturnType<typeof selfTable>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Självskattning');
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  ws.addRow(selfHeader).font = { bold: true };
  for (const values of table) ws.addRow(values);
  ws.getColumn(10).numFmt = 'yyyy-mm-dd';
  ws.getColumn(11).numFmt = 'yyyy-mm-dd';
  [6, 12, 28, 7, 50, 16, 50, 45, 22, 13, 13, 16].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return wb;
}

const csvField = (value: string | number | Date | null): string => {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return csvQuote(text, ';');
};

/**
 * The same content as Swedish Excel saves "CSV UTF-8": BOM, `;` between fields, CRLF, and every row
 * padded to the full width (so the title line already shows the delimiter).
 */
export function selfCsv(title: string, table: ReturnType<typeof selfTable>): Buffer {
  const width = selfHeader.length;
  const pad = (cells: (string | number | Date | null)[]) => [...cells, ...Array(width - cells.length).fill(null)].map(csvField).join(';');
  const lines = [pad([title]), pad([]), pad(selfHeader), ...table.map(pad)];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
