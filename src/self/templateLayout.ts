/**
 * The self-assessment template's layout: shared by the writer (what to put where) and the validator
 * (how to recognise a template and whose it is). Headers are spellings in data/vocab/self_columns.csv,
 * so the filled template imports as it is.
 */

export const instructionSheetName = 'Instruktioner';
export const answerSheetName = 'Självskattning';
/** The unit's own judgement per fokusområde (nämndens bedömning): read by the judgement parser. */
export const judgementSheetName = 'Nämndens bedömning';

export interface TemplateColumn {
  header: string;
  width: number;
  /** Cells the nämnd fills in: unlocked under the sheet protection, shaded. */
  input: boolean;
  wrap: boolean;
}

export const templateColumns = [
  { header: 'År', width: 7, input: false, wrap: false },
  { header: 'Period', width: 8, input: false, wrap: false },
  { header: 'Nämnd', width: 24, input: false, wrap: true },
  { header: 'Krav', width: 7, input: false, wrap: false },
  { header: 'Fokusområde', width: 17, input: false, wrap: true },
  { header: 'Kravtext', width: 48, input: false, wrap: true },
  { header: 'Status', width: 17, input: true, wrap: false },
  { header: 'Kommentar', width: 44, input: true, wrap: true },
  { header: 'Åtgärd', width: 44, input: true, wrap: true },
  { header: 'Ansvarig', width: 22, input: true, wrap: true },
  { header: 'Klart senast', width: 13, input: true, wrap: false },
  { header: 'Beslutsdatum', width: 13, input: true, wrap: false },
  { header: 'Diarienummer eller dokument', width: 26, input: true, wrap: true },
] as const satisfies readonly TemplateColumn[];

/**
 * The judgement sheet's columns: spellings in data/vocab/judgement_columns.csv. It has no Krav column,
 * which is how the self-assessment import tells it from the answer sheet.
 */
export const judgementColumns = [
  { header: 'År', width: 7, input: false, wrap: false },
  { header: 'Period', width: 8, input: false, wrap: false },
  { header: 'Nämnd', width: 24, input: false, wrap: true },
  { header: 'Fokusområde', width: 20, input: false, wrap: true },
  { header: 'Nämndens bedömning', width: 20, input: true, wrap: false },
  { header: 'Motivering', width: 70, input: true, wrap: true },
] as const satisfies readonly TemplateColumn[];

/** 1-based column number of a header in the answer sheet. */
export const templateColumn = (header: (typeof templateColumns)[number]['header']): number =>
  templateColumns.findIndex((c) => c.header === header) + 1;

/**
 * Labels of the "Om mallen" block on the instruction sheet, one per row in column A with the value in
 * column B. They are deliberately not column names of self_columns.csv: the import looks for a header
 * row with three known column names on every sheet, and must not take the instruction sheet for one.
 */
export const templateInfoLabels = {
  year: 'Mallen gäller år',
  period: 'Mallen gäller period',
  unitName: 'Mallen gäller nämnd',
  unitId: 'Nämndens id',
  previous: 'Förifyllt från',
} as const;

/** Who and what a template was made for, as recorded on its instruction sheet. */
export interface TemplateInfo {
  year: number;
  period: string;
  unitId: string;
  unitName: string;
}

export const templateFileName = (info: Pick<TemplateInfo, 'year' | 'period' | 'unitId'>) =>
  `sjalvskattning-${info.year}-${info.period}-${info.unitId}.xlsx`;
