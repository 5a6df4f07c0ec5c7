import { OjAnswerModel } from '../sample/ojAnswerModel.ts';
import { Rng } from '../sample/random.ts';
import { indicatorsOfYear, organisationUnits, validOn, type SampleInputs } from '../sample/sampleInputs.ts';
import { spellAnswer } from '../sample/spelling.ts';

/**
 * A national-scale file in the long interchange format (`ar;enhet;indikator;verksamhet;svar`, see
 * parseOjCsv): every kommun and every stadsdelsnämnd of the organisation valid on each year's measure
 * date, times every indicator cell of that year. Kommuner are named by code, stadsdelsnämnder by name,
 * answers are spelled as in the sample workbooks. Returns the file's bytes and its number of data rows.
 */
export function longCsv(inputs: SampleInputs, years: number[], seed: number): { bytes: Buffer; rows: number } {
  const rng = new Rng(seed);
  const model = new OjAnswerModel(inputs, rng);
  const lines = ['ar;enhet;indikator;verksamhet;svar'];
  for (const year of years) {
    const date = `${year}-${inputs.measureMonthDay}`;
    const kommuner = inputs.units.filter((u) => u.kind === 'kommun' && validOn(u, date));
    const units = [...kommuner, ...organisationUnits(inputs, ['stadsdelsnamnd'], date)];
    const indicators = indicatorsOfYear(inputs, year);
    for (const { unit, answers } of model.yearAnswers(year, indicators, kommuner, units)) {
      const enhet = unit.kind === 'kommun' && unit.kommun_code ? unit.kommun_code : unit.name;
      for (const i of indicators) {
        const svar = spellAnswer(rng, answers.get(i.indicator_id)!, [unit.unit_id, i.indicator_id, year]);
        lines.push(`${year};${enhet};${i.area};${i.verksamhet};${svar}`);
      }
    }
  }
  return { bytes: Buffer.from(lines.join('\n') + '\n', 'utf8'), rows: lines.length - 1 };
}
