/**
 * The ÖJ action plan template's layout, shared by the writer and the validation: sheet names, columns
 * (headers are spellings in data/vocab/action_columns.csv, so the filled template imports as it is) and
 * the "Om mallen" block that records whose plan it is.
 */
import type { TemplateColumn } from '../self/templateLayout.ts';

export const actionInstructionSheetName = 'Instruktioner';
export const actionSheetName = 'Åtgärdsplan';

export const actionColumns = [
  { header: 'År', width: 7, input: false, wrap: false },
  { header: 'Nämnd', width: 22, input: false, wrap: true },
  { header: 'Fråga-id', width: 24, input: false, wrap: false },
  { header: 'Fråga', width: 40, input: false, wrap: true },
  { header: 'Besvarad av', width: 22, input: false, wrap: true },
  { header: 'Svar', width: 12, input: false, wrap: false },
  { header: 'Brist sedan', width: 10, input: false, wrap: false },
  { header: 'Varför nämnden', width: 34, input: false, wrap: true },
  { header: 'Åtgärd', width: 44, input: true, wrap: true },
  { header: 'Ansvarig', width: 22, input: true, wrap: true },
  { header: 'Klart senast', width: 13, input: true, wrap: false },
  { header: 'Status', width: 12, input: true, wrap: false },
  { header: 'Kommentar', width: 36, input: true, wrap: true },
] as const satisfies readonly TemplateColumn[];

/** 1-based column number of a header in the plan's sheet. */
export const actionColumn = (header: (typeof actionColumns)[number]['header']): number =>
  actionColumns.findIndex((c) => c.header === header) + 1;

/** Labels of the "Om mallen" block (column A, value in B); no column name of action_columns.csv. */
export const actionInfoLabels = {
  year: 'Planen gäller ÖJ-år',
  unitName: 'Planen gäller nämnd',
  unitId: 'Nämndens id',
} as const;

export const actionPlanFileName = (year: number, unitId: string) => `atgardsplan-${year}-${unitId}.xlsx`;
