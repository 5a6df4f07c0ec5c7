import type { Problem } from '../text/problems.ts';
import type { OjColumnRole } from '../text/headerWords.ts';
import type { OjAnswerRow, OjShareRow, ShareScale } from './ojRows.ts';

/** What a sheet was read as; a sheet can hold kommun answers and län/riket shares together. */
export type SheetRole = 'kommun_answers' | 'stadsdel_answers' | 'aggregate_shares' | 'description' | 'ignored' | 'unreadable';
/** Why a row was not read as a unit's answers; `outside`: cells of a unit's row in no column that is read. */
export type SkipReason = 'blank' | 'note' | 'heading' | 'outside';

export interface ColumnReading {
  column: string;
  header: string;
  reading: 'key' | 'indicator' | 'ignored' | 'unknown';
  role?: OjColumnRole;
  indicatorId?: string;
  /** How the header met the catalog: exactly, or as a set of significant words; a key column by its content. */
  how?: 'exact' | 'words' | 'content';
  note?: string;
}

export interface SheetReading {
  sheet: string;
  roles: SheetRole[];
  reason: string;
  headerRows: number[];
  columns: ColumnReading[];
  rowsRead: number;
  rowsSkipped: Record<SkipReason, number>;
  answers: number;
  shares: number;
  shareScale?: ShareScale;
}

/** Everything `beredskap inspect` shows and the import stores: per sheet what was read, and every problem. */
export interface WorkbookReading {
  file: string;
  year?: number;
  yearSource?: string;
  sheets: SheetReading[];
  answers: OjAnswerRow[];
  shares: OjShareRow[];
  rowsRead: number;
  rowsSkipped: Record<SkipReason, number>;
  /** What was read by judgement rather than by the configuration (a key column by its content), with the line that makes it explicit. */
  notes: string[];
  problems: Problem[];
}

export function addRole(sheet: SheetReading, role: SheetRole): void {
  if (!sheet.roles.includes(role)) sheet.roles.push(role);
}

/** A header on one line: "Läns-\nkod" → "Läns-kod". */
export const flatHeader = (header: string) => header.replace(/-\s+/g, '-').replace(/\s+/g, ' ');
