import type { ProblemList } from '../text/problems.ts';
import { csvField } from '../text/csvField.ts';
import { cellText, type Grid } from '../text/grid.ts';
import type { SheetReading } from './workbookReading.ts';
import type { Vocabulary } from './workbookVocabulary.ts';

/** A sheet without a result header: a description when it has no answers; unreadable (an error) when it has. */
export function classifyOtherSheet(grid: Grid, vocab: Vocabulary, sheet: SheetReading, problems: ProblemList): void {
  const answerRows = grid.rows.filter((r) => r.cells.filter((c) => vocab.isStrongAnswer(c)).length >= 2);
  if (answerRows.length >= 2) {
    sheet.roles = ['unreadable'];
    sheet.reason = `${answerRows.length} rader med svar (Ja/Nej) men ingen rubrikrad med känd nyckelkolumn`;
    const above = grid.rows.filter((r) => r.line < answerRows[0]!.line).at(-1);
    const headers = above ? above.cells.map((c) => cellText(c)).filter(Boolean).slice(0, 4) : [];
    problems.add({
      sheet: grid.sheet, row: answerRows[0]!.line,
      message: `bladet har svar (Ja/Nej) på ${answerRows.length} rader men ingen rubrikrad med en känd nyckelkolumn (Kommun, Kommunkod, Stadsdel, Län …)` +
        (headers.length ? `; rubrikerna ovanför är ${headers.map((h) => `"${h}"`).join(', ')}` : ''),
      fix: headers.length ? `Om "${headers[0]}" anger enheten: lägg till raden stadsdel,${csvField(headers[0]!)} (eller kommun,…) i data/vocab/oj_columns.csv.` : undefined,
    });
    return;
  }
  sheet.roles = [grid.rows.length ? 'description' : 'ignored'];
  sheet.reason = grid.rows.length ? 'ingen rubrikrad med nyckelkolumn och inga svar: läses inte' : 'tomt blad';
}
