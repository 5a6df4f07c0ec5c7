/**
 * The Swedish words a user reads for the codes the database stores. One place, so that the template's
 * dropdown, the validation report and the exports say the same thing.
 */
import { gapLabel, sourceKindLabel, unitKindLabel } from '../../docs/components/format.js';

/** Stored self-assessment status → the template's dropdown text (ej_svar is a blank cell). */
export const selfStatusLabels: Record<string, string> = {
  uppfyllt: 'Uppfyllt',
  delvis: 'Delvis uppfyllt',
  ej_uppfyllt: 'Ej uppfyllt',
  ej_aktuellt: 'Ej aktuellt',
  ej_svar: 'Ej svar',
};

/** The template's dropdown, in the order a person reads it. */
export const statusChoices = ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej aktuellt'] as const;

/** The choices in a sentence: "Uppfyllt, Delvis uppfyllt, Ej uppfyllt eller Ej aktuellt". */
export const statusChoiceText = `${statusChoices.slice(0, -1).join(', ')} eller ${statusChoices.at(-1)}`;

export const ojAnswerLabels: Record<string, string> = {
  ja: 'Ja',
  nej: 'Nej',
  delvis: 'Delvis',
  pagar: 'Arbete pågår',
  ej_aktuellt: 'Ej aktuellt',
  ej_svar: 'Ej svar',
};

// The dashboard's labels (docs/components/format.js) where they are plain words, so both say the same.
export const gapStatusLabels: Record<string, string> = gapLabel;
export const sourceKindLabels: Record<string, string> = sourceKindLabel;
export const unitKindLabels: Record<string, string> = unitKindLabel;

export const basisLabels: Record<string, string> = { oj: 'ÖJ', self: 'Självskattning', combined: 'Sammanvägt' };

export const attainmentLabels: Record<string, string> = { helt: 'Helt', delvis: 'Delvis', ej: 'Ej' };

export const comparisonRoleLabels: Record<string, string> = {
  stadsdelsnamnder: 'Stadsdelsnämnderna sammantaget',
  kommun: 'Kommunen',
  jamforelse: 'Jämförelse',
};

/** What an import changed, per table, in a user's words. */
export const factTableLabels: Record<string, string> = {
  oj_answer: 'ÖJ-svar',
  oj_published_share: 'publicerade andelar',
  self_assessment: 'självskattningar',
  kolada_value: 'Kolada-värden',
  unit_judgement: 'nämndernas bedömningar',
};

/** How a period reads in a sentence: "tertial 1 (per 30 april)". */
export function periodPhrase(period: string, periodEnd: string | undefined): string {
  const name = { T1: 'tertial 1', T2: 'tertial 2', VB: 'verksamhetsberättelse' }[period] ?? period;
  if (!periodEnd) return name;
  const [month, day] = periodEnd.split('-').map(Number);
  const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
  return `${name} (per ${day} ${months[month! - 1]})`;
}

/** A code's label, or the code itself when the vocabulary has grown past this file. */
export const label = (labels: Record<string, string>, code: unknown): string | null =>
  code === null || code === undefined ? null : labels[String(code)] ?? String(code);
