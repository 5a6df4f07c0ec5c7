// Free texts have a limit (a cell holds at most 32 767 characters where they go back out), and a text
// too long to be a name gives one short message, not the text again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { runValidationReport } from '../template/commands.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { inputProblems, sharedTestDb, townConfigDir, writeText, writeXlsx } from '../test/helpers.ts';
import { formatProblem, InputError } from '../text/problems.ts';
import { freeTextLimit } from '../text/validRanges.ts';

const megabyte = 'Lorem ipsum dolor sit amet. '.repeat(37450).trim();
const selfHeader = 'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast';

describe('bounds on text', () => {
  const shared = sharedTestDb(townConfigDir);
  const { dir } = shared;
  // As the command line prints them.
  const refused = async (run: Promise<unknown>) => new InputError(await inputProblems(run));

  it('a free text over the limit is an error at its cell, in the import and in the validation report; one at the limit is stored', async () => {
    // 28 characters × 37 450, less the trailing space: the length every message below must name.
    expect(megabyte.length).toBe(1_048_599);
    const long = writeText(join(dir, 'lang.csv'), `${selfHeader}\n2024;T1;Tallmossen;B01;Delvis;${megabyte};Revidera;${'x'.repeat(freeTextLimit + 1)};\n`);
    const error = await refused(importSelfAssessment(shared.db, [long]));
    expect(error.problems).toMatchObject([
      { file: 'lang.csv', row: 2, column: '6 (Kommentar)', message: expect.stringMatching(/^texten är 1\s048\s599 tecken lång; högst 4\s000 tecken får plats/) },
      { row: 2, column: '8 (Ansvarig)', message: expect.stringMatching(/^texten är 4\s001 tecken lång/) },
    ]);
    expect(error.message.length).toBeLessThan(600);

    const report = join(dir, 'rapport.md');
    const result = await runValidationReport(shared.db, { file: long, reportPath: report, today: '2024-05-15' });
    expect(result.ok).toBe(false);
    expect(readFileSync(report, 'utf8')).toMatch(/\| 2 \| 6 \(Kommentar\) \|.*högst 4\s000 tecken får plats.* \| ja \|/);

    const atLimit = writeText(join(dir, 'precis.csv'), `${selfHeader}\n2024;T1;Tallmossen;B01;Delvis;${'x'.repeat(freeTextLimit)};;;\n`);
    expect(await importSelfAssessment(shared.db, [atLimit], { dryRun: true })).toMatchObject([{ status: 'validated', rowsStored: 1 }]);
  });

  it("a judgement's motivering over the limit is an error", async () => {
    const file = await writeXlsx(join(dir, 'bedomning.xlsx'), [{
      name: 'Export',
      rows: [['Nämnd/bolag', 'Verksamhetsår', 'Rapport', 'Mål', 'Måluppfyllelse', 'Motivering'], ['Tallmossen', 2024, 'VB', 'Beredskap', 'Uppfyllt helt', 'y'.repeat(5000)]],
    }]);
    expect((await refused(importJudgement(shared.db, [file]))).problems).toMatchObject([{ sheet: 'Export', row: 2, column: 'F (Motivering)', message: expect.stringMatching(/^texten är 5\s000 tecken lång/) }]);
  });

  it('a megabyte where a name belongs is one short line: its beginning and length, no suggestions, no line to add', async () => {
    const self = writeText(join(dir, 'namn.csv'), `${selfHeader}\n2024;T1;${megabyte};B01;Uppfyllt;;;;\n`);
    const [unit, ...others] = (await refused(importSelfAssessment(shared.db, [self]))).problems;
    expect(others).toEqual([]);
    expect(formatProblem(unit!)).toBe('namn.csv, rad 2, kolumn 3 (Nämnd): okänd nämnd "Lorem ipsum dolor sit amet. Lorem ipsum dolor sit amet. Lore… (1\u00a0048\u00a0599 tecken)".');

    const oj = writeText(join(dir, 'oj.csv'), `ar;enhet;indikator;verksamhet;svar\n2024;${megabyte};evakuering;sabo;Ja\n2024;Tallmossen;evakuering;sabo;${megabyte}\n`);
    const error = await refused(importOj(shared.db, [oj]));
    expect(error.problems.map((p) => [p.row, p.message, p.suggestions, p.fix])).toEqual([[2, 'okänd enhet', undefined, undefined], [3, 'okänt svar', undefined, undefined]]);
    expect(error.message.length).toBeLessThan(400);

    const workbook = await writeXlsx(join(dir, 'oj-2024.xlsx'), [{ name: 'Kommuner', rows: [['Kommun', 'Evakueringsplan, SÄBO'], [megabyte, 'Ja'], ['Västerås', 'Ja']] }]);
    const fromWorkbook = await refused(importOj(shared.db, [workbook]));
    expect(fromWorkbook.problems).toMatchObject([{ sheet: 'Kommuner', row: 2, column: 'A', found: expect.stringMatching(/^Lorem.*tecken\)$/) }]);
    expect(fromWorkbook.message.length).toBeLessThan(400);
  });
});
