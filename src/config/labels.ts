/**
 * The Swedish words a user reads for the codes the database stores. The domains the dashboard shows too
 * (answers, statuses, gaps, attainment, source and unit kinds …) come from one table, display_label
 * (data/labels.csv, through view dash_label), so the template's dropdown, the validation report, the
 * exports and the dashboard say the same thing; the command line prints the words without the
 * dashboard's symbols.
 */
import type { Catalog } from './catalog.ts';
import type { labelDomains } from './labelDomains.ts';
import type { Database } from '../db/database.ts';

export type LabelDomain = keyof typeof labelDomains;

/** A stored code's words in a domain; null for no code, the code itself if labels.csv lacks it. */
export type Labels = (domain: LabelDomain, code: unknown) => string | null;

export async function loadLabels(db: Database): Promise<Labels> {
  const rows = await db.all<{ domain: string; code: string; label: string }>('select domain, code, label from dash_label');
  const words = new Map(rows.map((r) => [`${r.domain}/${r.code}`, r.label]));
  return (domain, code) => (code === null || code === undefined ? null : words.get(`${domain}/${String(code)}`) ?? String(code));
}

/** The template's Status dropdown: each status's label but ej_svar's (a blank cell), in labels.csv's order. */
export const statusChoices = (source: Pick<Catalog, 'statusLabels'>): string[] =>
  source.statusLabels.filter((s) => s.code !== 'ej_svar').map((s) => s.label);

/** One status's label, as the template offers it (the code itself if labels.csv lacks it). */
export const statusLabel = (source: Pick<Catalog, 'statusLabels'>, code: string): string =>
  source.statusLabels.find((s) => s.code === code)?.label ?? code;

/** Choices in a sentence: "Uppfyllt, Delvis uppfyllt, Ej uppfyllt eller Ej aktuellt". */
export const choiceText = (choices: string[]): string =>
  choices.length > 1 ? `${choices.slice(0, -1).join(', ')} eller ${choices.at(-1)}` : choices.join('');

/** What an import changed, per table, in a user's words. */
export const factTableLabels: Record<string, string> = {
  oj_answer: 'ÖJ-svar',
  oj_published_share: 'publicerade andelar',
  self_assessment: 'självskattningar',
  kolada_value: 'Kolada-värden',
  unit_judgement: 'nämndernas bedömningar',
  oj_action: 'åtgärder för ÖJ-brister',
};

/** How a period reads in a sentence: its name (Catalog.periodLabel) and last day, "tertialrapport 1 (per 30 april)". */
export function periodPhrase(name: string, periodEnd: string): string {
  const [month, day] = periodEnd.split('-').map(Number);
  const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
  return `${name} (per ${day} ${months[month! - 1]})`;
}

/** A code's label in one of the maps above, or the code itself when the vocabulary has grown past it. */
export const label = (labels: Record<string, string>, code: unknown): string | null =>
  code === null || code === undefined ? null : labels[String(code)] ?? String(code);
