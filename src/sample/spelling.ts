import type { OjAnswer } from './ojAnswerModel.ts';
import type { Rng } from './random.ts';
import { validOn, type HeaderTerm, type SampleInputs, type SampleUnit } from './sampleInputs.ts';

/**
 * The ways real files write what the model decided: answer texts, header texts, unit names. Sample
 * files use them so that every import run exercises the normalisation and the vocabularies, not just
 * the canonical spelling. Every spelling here must be one the configuration accepts.
 */

const answerSpellings: Record<OjAnswer, [string[], number[]]> = {
  ja: [['Ja', 'ja'], [97, 3]],
  nej: [['Nej', 'nej'], [97, 3]],
  delvis: [['Delvis'], [1]],
  pagar: [['Arbete pågår', 'Pågår'], [85, 15]],
  ej_aktuellt: [['Ej aktuellt', 'Verksamhet saknas'], [90, 10]],
  ej_svar: [['-', '', 'Ej svar'], [60, 30, 10]],
};

export function spellAnswer(rng: Rng, answer: OjAnswer, key: (string | number)[]): string {
  const [texts, weights] = answerSpellings[answer];
  return rng.pick(texts, ['spell-answer', ...key], weights);
}

/**
 * A header text for an area or verksamhet: mostly its title, sometimes another accepted spelling,
 * sometimes broken over two lines or carrying a footnote mark, as Socialstyrelsen's sheets do.
 */
export function spellHeader(rng: Rng, term: HeaderTerm, key: (string | number)[]): string {
  const base = rng.chance(0.7, 'header-title', ...key, term.key)
    ? term.title_sv
    : rng.pick(term.spellings, ['header-spelling', ...key, term.key]);
  const decoration = rng.pick(['plain', 'linebreak', 'footnote'], ['header-decoration', ...key, term.key], [70, 20, 10]);
  if (decoration === 'footnote') return `${base}¹`;
  if (decoration === 'linebreak') {
    const words = base.split(' ');
    if (words.length < 3) return base;
    const cut = Math.ceil(words.length / 2);
    return `${words.slice(0, cut).join(' ')}\n${words.slice(cut).join(' ')}`;
  }
  return base;
}

/**
 * A unit's name as a source file might write it on `date`: its own name, or an alias valid then that
 * names no other unit valid then (so the file stays unambiguous).
 */
export function spellUnitName(rng: Rng, inputs: SampleInputs, unit: SampleUnit, date: string, key: (string | number)[]): string {
  const candidates = inputs.aliases.filter((a) => a.unit_id === unit.unit_id && validOn(a, date));
  const unambiguous = candidates.filter((a) =>
    inputs.aliases.every((other) => other.alias !== a.alias || other.unit_id === unit.unit_id || !validOn(other, date)) &&
    inputs.units.every((other) => other.name !== a.alias || other.unit_id === unit.unit_id || !validOn(other, date)),
  );
  const names = [unit.name, ...unambiguous.map((a) => a.alias)];
  return rng.chance(0.4, 'own-name', unit.unit_id, ...key) ? unit.name : rng.pick(names, ['unit-name', unit.unit_id, ...key]);
}
