import ExcelJS from 'exceljs';
import type { UnitAnswers } from './ojAnswerModel.ts';
import type { OjYear } from './ojYear.ts';
import type { Rng } from './random.ts';
import type { HeaderTerm, SampleIndicator, SampleInputs } from './sampleInputs.ts';
import { spellAnswer, spellHeader, spellUnitName } from './spelling.ts';

/**
 * Lays out one year as Socialstyrelsen's ÖJ workbooks are described (oj-krisberedskap.md): a read-me,
 * an indicator sheet, a kommun result sheet and a stadsdel result sheet, each result sheet with title
 * rows above a two-level header (area merged over its verksamheter), aggregate rows, unit rows and
 * footnotes below. Sheet names, header spellings and the type of the kommun code vary by year, as
 * they do in the real files.
 */

const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

function surveyTitle(year: number): string {
  if (year <= 2018) return `Öppna jämförelser ${year} – Krisberedskap inom socialtjänsten`;
  if (year <= 2023) return `Öppna jämförelser ${year} – Krisberedskap inom socialtjänst och kommunal hälso- och sjukvård`;
  return `Öppna jämförelser ${year} – Krisberedskap`;
}

function measureDateText(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `Mätdatum ${d} ${months[m! - 1]} ${y}`;
}

/** Indicator columns grouped by area, in catalog order: the two header rows and the merges come from this. */
function columnGroups(inputs: SampleInputs, indicators: SampleIndicator[]) {
  const termOf = (terms: HeaderTerm[], key: string): HeaderTerm =>
    terms.find((t) => t.key === key) ?? { key, title_sv: key, sort_order: 0, spellings: [key] };
  const groups: { area: HeaderTerm; columns: { indicator: SampleIndicator; verksamhet: HeaderTerm }[] }[] = [];
  for (const indicator of indicators) {
    let group = groups.find((g) => g.area.key === indicator.area);
    if (!group) groups.push((group = { area: termOf(inputs.areas, indicator.area), columns: [] }));
    group.columns.push({ indicator, verksamhet: termOf(inputs.verksamheter, indicator.verksamhet) });
  }
  return groups;
}

/**
 * Writes title rows, a blank row and the two header rows (indicator columns after `keyHeaders`);
 * returns the indicator ids in column order.
 */
function writeHeader(ws: ExcelJS.Worksheet, year: OjYear, inputs: SampleInputs, rng: Rng, keyHeaders: string[], titles: string[]): string[] {
  for (const t of titles) ws.addRow([t]).font = { bold: t === titles[0] };
  ws.addRow([]);
  const areaRow = ws.addRow(keyHeaders);
  const verksamhetRow = ws.addRow(keyHeaders.map(() => null));
  const order: string[] = [];
  let col = keyHeaders.length + 1;
  for (const group of columnGroups(inputs, year.indicators)) {
    const first = col;
    areaRow.getCell(first).value = spellHeader(rng, group.area, [year.year, ws.name]);
    for (const c of group.columns) {
      verksamhetRow.getCell(col).value = spellHeader(rng, c.verksamhet, [year.year, ws.name, group.area.key]);
      verksamhetRow.getCell(col).alignment = { wrapText: true, vertical: 'top' };
      order.push(c.indicator.indicator_id);
      col++;
    }
    if (col - 1 > first) ws.mergeCells(areaRow.number, first, areaRow.number, col - 1);
    areaRow.getCell(first).alignment = { horizontal: 'center' };
  }
  areaRow.font = { bold: true };
  verksamhetRow.font = { bold: true };
  verksamhetRow.height = 45;
  ws.views = [{ state: 'frozen', xSplit: keyHeaders.length, ySplit: verksamhetRow.number }];
  return order;
}

function writeUnitAnswers(row: ExcelJS.Row, firstColumn: number, order: string[], unit: UnitAnswers, year: number, rng: Rng): void {
  order.forEach((id, k) => {
    const text = spellAnswer(rng, unit.answers.get(id)!, [unit.unit.unit_id, id, year]);
    if (text !== '') row.getCell(firstColumn + k).value = text;
  });
}

/** Who answered the survey: every kommun, and the nämnder below it of the kommuner the configuration has them for. */
function respondentsText(year: OjYear, inputs: SampleInputs): string {
  const codes = new Set(year.stadsdelar.map((s) => s.unit.kommun_code));
  const kommuner = inputs.units
    .filter((u) => u.kind === 'kommun' && codes.has(u.kommun_code))
    .map((u) => u.name)
    .sort((a, b) => a.localeCompare(b, 'sv'));
  const below = kommuner.length ? ` samt stadsdelsnämnder och motsvarande nämnder i ${new Intl.ListFormat('sv', { type: 'conjunction' }).format(kommuner)}` : '';
  return `Resultaten bygger på en enkät till samtliga kommuner${below}.`;
}

function addReadMe(wb: ExcelJS.Workbook, year: OjYear, inputs: SampleInputs): void {
  const ws = wb.addWorksheet('Läs mig');
  ws.addRow([surveyTitle(year.year)]).font = { bold: true, size: 14 };
  ws.addRow([respondentsText(year, inputs)]);
  ws.addRow([measureDateText(year.measureDate)]);
  ws.addRow(['Aggregerade rader visar andelen svarande enheter som svarat Ja. Ej aktuellt och ej svar ingår inte i underlaget.']);
  ws.addRow(['EXEMPELDATA – filen är framställd av Beredskapsuppföljning och innehåller inga verkliga svar.']);
  ws.getColumn(1).width = 110;
}

function addIndicatorSheet(wb: ExcelJS.Workbook, year: OjYear, inputs: SampleInputs): void {
  const ws = wb.addWorksheet('Indikatorer');
  ws.addRow(['Indikator', 'Beskrivning']).font = { bold: true };
  for (const group of columnGroups(inputs, year.indicators)) {
    const verksamheter = group.columns.map((c) => c.verksamhet.title_sv.toLowerCase()).join(', ');
    ws.addRow([group.area.title_sv, `Andel enheter som uppger att de har ${group.area.title_sv.toLowerCase()} för: ${verksamheter}.`]);
  }
  ws.getColumn(1).width = 45;
  ws.getColumn(2).width = 120;
}

function addKommunSheet(wb: ExcelJS.Workbook, year: OjYear, inputs: SampleInputs, rng: Rng): void {
  const name = rng.pick(['Kommuner', 'Resultat kommun', 'Kommun och län', 'Resultat per kommun'], ['kommun-sheet', year.year]);
  const ws = wb.addWorksheet(name);
  const keys = ['Kommunkod', 'Kommun', 'Län', 'Antal svarande'];
  const titles = [surveyTitle(year.year), measureDateText(year.measureDate)];
  if (rng.chance(0.5, 'third-title', year.year)) titles.push('Andel (%) svarande enheter med Ja på riks- och länsnivå; svar per kommun');
  const order = writeHeader(ws, year, inputs, rng, keys, titles);
  const first = keys.length + 1;
  const lanName = new Map(inputs.units.filter((u) => u.kind === 'lan').map((u) => [u.lan_code, u.name]));

  for (const agg of year.aggregates) {
    const row = ws.addRow([agg.unit.kind === 'lan' ? agg.unit.lan_code : null, agg.unit.name, null, agg.respondents]);
    order.forEach((id, k) => {
      const share = agg.shares.get(id) ?? null;
      const cell = row.getCell(first + k);
      if (share === null) cell.value = '-';
      else {
        cell.value = Math.round(share * 100) / 100;
        cell.numFmt = '0%';
      }
    });
    row.font = { bold: true };
  }
  // Some years' files hold the code as a number that lost its leading zero, others as four-digit text.
  const numericCodes = rng.chance(0.5, 'numeric-codes', year.year);
  for (const k of year.kommuner) {
    const code = k.unit.kommun_code ?? '';
    const row = ws.addRow([numericCodes ? Number(code) : code, k.unit.name, lanName.get(k.unit.lan_code) ?? null, null]);
    writeUnitAnswers(row, first, order, k, year.year, rng);
  }
  ws.addRow([]);
  ws.addRow([`Källa: Socialstyrelsen, Öppna jämförelser ${year.year} (exempeldata)`]);
  ws.addRow(['¹ Fotnot: I verksamhet som bedrivs i egen regi. Ej aktuellt och ej svar ingår inte i andelarna.']);
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 22;
}

function addStadsdelSheet(wb: ExcelJS.Workbook, year: OjYear, inputs: SampleInputs, rng: Rng): void {
  if (!year.stadsdelar.length) return;
  const ws = wb.addWorksheet(rng.pick(['Stadsdelar', 'Stadsdelsområden'], ['stadsdel-sheet', year.year]));
  const order = writeHeader(ws, year, inputs, rng, ['Stadsdel'], [surveyTitle(year.year), `Stadsdelsområden och socialförvaltningar, ${measureDateText(year.measureDate).toLowerCase()}`]);
  for (const s of year.stadsdelar) {
    const row = ws.addRow([spellUnitName(rng, inputs, s.unit, year.measureDate, ['oj', year.year])]);
    writeUnitAnswers(row, 2, order, s, year.year, rng);
  }
  ws.addRow([]);
  ws.addRow(['Källa: Socialstyrelsen (exempeldata)']);
  ws.getColumn(1).width = 38;
}

export function buildOjWorkbook(year: OjYear, inputs: SampleInputs, rng: Rng): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addReadMe(wb, year, inputs);
  addIndicatorSheet(wb, year, inputs);
  addKommunSheet(wb, year, inputs, rng);
  addStadsdelSheet(wb, year, inputs, rng);
  return wb;
}

/** The date a year's workbook claims to be from (publication in June), fixed so bytes are stable. */
export const ojPublicationDate = (year: number) => new Date(Date.UTC(year, 5, 18, 8, 0, 0));
