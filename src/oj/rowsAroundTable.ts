import { cellText, columnLetter, type Grid } from '../text/grid.ts';
import type { Vocabulary } from './workbookVocabulary.ts';

type Row = Grid['rows'][number];

const noteStart = /^(källa|källor|not|noter|anm|anmärkning|fotnot|obs|kommentar|\*|¹|²|³|†|\(\d\))/i;

/**
 * A row's non-empty cells in columns that are not `handled` (no header, or an unknown one without answers under it):
 * an answer there (Ja, Nej …, or a per-cent share on an aggregate's row) would be lost, so it is
 * returned to be told; anything else is counted among what was skipped.
 */
export function outsideCells(row: Row, handled: Set<string>, vocab: Vocabulary, aggregate: boolean): { answers: { index: number; text: string }[]; others: number } {
  const answers: { index: number; text: string }[] = [];
  let others = 0;
  row.cells.forEach((value, index) => {
    if (cellText(value) === '' || handled.has(columnLetter(index))) return;
    if (vocab.isStrongAnswer(value) || (aggregate && typeof value === 'string' && /%/.test(value) && vocab.isShareLike(value))) answers.push({ index, text: cellText(value) });
    else others++;
  });
  return { answers, others };
}

/** A row of notes or sources under a table: text that starts like a footnote, or one text across merged cells. */
export function isNoteRow(row: Row, vocab: Vocabulary): boolean {
  const texts = row.cells.map((c) => cellText(c)).filter(Boolean);
  if (texts.some((t) => vocab.isStrongAnswer(t))) return false;
  return noteStart.test(texts[0] ?? '') || new Set(texts).size === 1;
}
