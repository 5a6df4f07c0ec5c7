import { shareJa, type OjAnswerModel, type UnitAnswers } from './ojAnswerModel.ts';
import { indicatorsOfYear, validOn, type SampleIndicator, type SampleInputs, type SampleUnit } from './sampleInputs.ts';

/** Respondents below kommun level that ÖJ lists on its own sheet (stadsdelsnämnder, Göteborg's socialnämnder). */
export const subKommunKinds = ['stadsdelsnamnd', 'socialnamnd_gbg'] as const;

/** A riket or län row: the published share of Ja per indicator and the number of responding kommuner. */
export interface AggregateRow {
  unit: SampleUnit;
  respondents: number;
  shares: Map<string, number | null>;
}

/** What one year's ÖJ workbook holds, before it is laid out in sheets. */
export interface OjYear {
  year: number;
  measureDate: string;
  indicators: SampleIndicator[];
  aggregates: AggregateRow[];
  kommuner: UnitAnswers[];
  stadsdelar: UnitAnswers[];
}

const answered = (u: UnitAnswers) => [...u.answers.values()].some((a) => a !== 'ej_svar');

/** Riket and län shares recomputed from the kommun rows, as Socialstyrelsen derives them. */
function aggregateRows(inputs: SampleInputs, indicators: SampleIndicator[], kommuner: UnitAnswers[]): AggregateRow[] {
  const groups: { unit: SampleUnit; members: UnitAnswers[] }[] = [];
  for (const riket of inputs.units.filter((u) => u.kind === 'riket')) groups.push({ unit: riket, members: kommuner });
  const lan = inputs.units.filter((u) => u.kind === 'lan').sort((a, b) => (a.lan_code ?? '').localeCompare(b.lan_code ?? ''));
  for (const l of lan) groups.push({ unit: l, members: kommuner.filter((k) => k.unit.lan_code === l.lan_code) });
  return groups
    .filter((g) => g.members.length)
    .map(({ unit, members }) => ({
      unit,
      respondents: members.filter(answered).length,
      shares: new Map(indicators.map((i) => [i.indicator_id, shareJa(members.map((m) => m.answers.get(i.indicator_id)!)).share])),
    }));
}

export function buildOjYear(inputs: SampleInputs, model: OjAnswerModel, year: number): OjYear {
  const measureDate = `${year}-${inputs.measureMonthDay}`;
  const indicators = indicatorsOfYear(inputs, year);
  const kommunUnits = inputs.units
    .filter((u) => u.kind === 'kommun' && validOn(u, measureDate))
    .sort((a, b) => (a.kommun_code ?? '').localeCompare(b.kommun_code ?? ''));
  const subUnits = inputs.units
    .filter((u) => (subKommunKinds as readonly string[]).includes(u.kind) && validOn(u, measureDate))
    .sort((a, b) => (a.kommun_code ?? '').localeCompare(b.kommun_code ?? '') || a.name.localeCompare(b.name, 'sv'));
  const kommuner = model.yearAnswers(year, indicators, kommunUnits, kommunUnits);
  return {
    year,
    measureDate,
    indicators,
    aggregates: aggregateRows(inputs, indicators, kommuner),
    kommuner,
    stadsdelar: model.yearAnswers(year, indicators, kommunUnits, subUnits),
  };
}
