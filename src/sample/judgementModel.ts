import ExcelJS from 'exceljs';
import type { Rng } from './random.ts';
import type { SampleInputs } from './sampleInputs.ts';
import type { SelfRow } from './selfModel.ts';
import { spellUnitName } from './spelling.ts';

/** One row of a management system's export of nämndens bedömning. */
export interface JudgementRow {
  row: SelfRow['unit'];
  goalText: string;
  judgement: 'helt' | 'delvis' | 'ej' | null;
  motivering: string | null;
}

const motiveringar: Record<'helt' | 'delvis' | 'ej', string[]> = {
  helt: ['Planerade aktiviteter är genomförda', 'Målet bedöms uppfyllt utifrån genomförda aktiviteter', 'Arbetet följer verksamhetsplanen'],
  delvis: ['Flera aktiviteter pågår och slutförs nästa år', 'Vakanser har försenat arbetet', 'Delar av planen återstår'],
  ej: ['Arbetet har inte kunnat prioriteras under året', 'Aktiviteterna har skjutits upp'],
};

/**
 * Each unit's own judgement of its goals at year end, derived from its verksamhetsberättelse: a share of
 * uppfyllt requirements per fokusområde, read generously – units judge themselves higher than the share
 * we compute about as often as the city's real figures suggest (most say helt), so the sample shows
 * both figures apart and some disagreement. A few rows are left blank (not yet judged in the system).
 */
export function judgementRows(vbRows: SelfRow[], inputs: SampleInputs, rng: Rng, year: number): JudgementRow[] {
  const byUnit = new Map<string, SelfRow[]>();
  for (const r of vbRows) byUnit.set(r.unit.unit_id, [...(byUnit.get(r.unit.unit_id) ?? []), r]);
  const judge = (rows: SelfRow[], key: (string | number)[]): 'helt' | 'delvis' | 'ej' | null => {
    if (rng.chance(0.04, 'judgement-blank', ...key)) return null;
    const counted = rows.filter((r) => r.status !== 'ej_aktuellt');
    if (!counted.length) return rng.chance(0.8, 'judgement-empty', ...key) ? 'helt' : null;
    const share = counted.filter((r) => r.status === 'uppfyllt').length / counted.length;
    const generous = share + 0.35 * rng.uniform('judgement-optimism', ...key);
    return generous >= 0.75 ? 'helt' : generous >= 0.35 ? 'delvis' : 'ej';
  };
  const out: JudgementRow[] = [];
  for (const [unitId, rows] of byUnit) {
    const unit = rows[0]!.unit;
    for (const f of inputs.fokusomraden) {
      const judgement = judge(rows.filter((r) => r.requirement.fokusomrade === f.fokusomrade), [unitId, year, f.fokusomrade]);
      out.push({ row: unit, goalText: f.title_sv, judgement, motivering: judgement && rng.pick(motiveringar[judgement], ['judgement-text', unitId, year, f.fokusomrade]) });
    }
    const overall = judge(rows, [unitId, year, 'samtliga']);
    out.push({ row: unit, goalText: inputs.overallGoalText, judgement: overall, motivering: overall && rng.pick(motiveringar[overall], ['judgement-text', unitId, year]) });
  }
  return out;
}

const spelled: Record<'helt' | 'delvis' | 'ej', string> = { helt: 'Uppfyllt helt', delvis: 'Uppfyllt delvis', ej: 'Ej uppfyllt' };

/**
 * The export as a management system might give it – a layout unlike the template's: the unit first,
 * "Verksamhetsår" and "Rapport" for year and period, "Mål" and "Måluppfyllelse" for goal and judgement.
 */
export function buildJudgementWorkbook(rows: JudgementRow[], inputs: SampleInputs, rng: Rng, year: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Måluppfyllelse');
  ws.addRow([`Nämndernas och bolagens bedömning av måluppfyllelse ${year} (exempeldata)`]).font = { bold: true };
  ws.addRow(['Nämnd/bolag', 'Verksamhetsår', 'Rapport', 'Mål', 'Måluppfyllelse', 'Motivering']).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      spellUnitName(rng, inputs, r.row, `${year}-12-31`, ['judgement', year]),
      year, 'Verksamhetsberättelse', r.goalText, r.judgement && spelled[r.judgement], r.motivering,
    ]);
  }
  [30, 14, 22, 50, 16, 60].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  return wb;
}
