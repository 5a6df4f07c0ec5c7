// A row with more or fewer fields than its header: an error at its row and field in every importer,
// never a value silently dropped. Files of our own making, imported through the real importers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { inputProblems, sharedTestDb, townConfigDir, writeText, writeXlsx } from '../test/helpers.ts';
import { formatProblem } from '../text/problems.ts';

describe('rows with more or fewer fields than the header', () => {
  // One database for every case: each is refused (or a dry run), so none changes it.
  const shared = sharedTestDb(townConfigDir);
  const { dir } = shared;
  const refused = async (run: Promise<unknown>) => {
    const problems = await inputProblems(run);
    expect(await shared.db.one('select count(*)::int as n from source_file')).toEqual({ n: 0 });
    return problems;
  };

  it('a decimal comma in a comma-separated ÖJ file is an error at the extra field, with the cause', async () => {
    const file = writeText(join(dir, 'andelar.csv'), 'ar,enhet,indikator,verksamhet,svar\n2024,Tallmossen,evakuering,sabo,Ja\n2024,Riket,evakuering,hemtjanst,57,5\n');
    const [problem, ...rest] = await refused(importOj(shared.db, [file]));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'andelar.csv', row: 3, column: '6', found: '5' });
    expect(formatProblem(problem!)).toContain('raden har 6 fält men rubrikraden 5');
    expect(problem!.fix).toContain('decimalkomma');
  });

  it('an extra answer is an error in a plain and in a quoted ÖJ file; a short row too; trailing empty fields are not', async () => {
    const plain = writeText(join(dir, 'plain.csv'), 'ar;enhet;indikator;verksamhet;svar\n2024;Tallmossen;evakuering;sabo;Ja;Nej\n2024;Tallmossen;evakuering;hemtjanst\n');
    expect(await refused(importOj(shared.db, [plain]))).toMatchObject([
      { row: 2, column: '6', found: 'Nej' },
      { row: 3, column: '5 (svar)', message: expect.stringContaining('"svar" saknas') },
    ]);
    const quoted = writeText(join(dir, 'quoted.csv'), 'ar;enhet;indikator;verksamhet;svar\n2024;"Tallmossen";evakuering;sabo;Ja;Nej\n');
    expect(await refused(importOj(shared.db, [quoted]))).toMatchObject([{ file: 'quoted.csv', row: 2, column: '6', found: 'Nej' }]);
    const trailing = writeText(join(dir, 'trailing.csv'), 'ar;enhet;indikator;verksamhet;svar;\n2024;Tallmossen;evakuering;sabo;Ja;;\n2024;Strandvallen;evakuering;sabo;Nej\n');
    const [report] = await importOj(shared.db, [trailing], { dryRun: true });
    expect(report).toMatchObject({ status: 'validated', rowsStored: 2 });
  });

  it("a self-assessment's tenth field is an error in CSV, and a value beside the table in a workbook", async () => {
    const header = 'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast';
    const csv = writeText(join(dir, 'tallmossen.csv'), `${header}\n2024;T1;Tallmossen;B01;Uppfyllt;Klart;;;;och mer\n2024;T1;Tallmossen;B02;Uppfyllt\n`);
    expect(await refused(importSelfAssessment(shared.db, [csv]))).toMatchObject([
      { file: 'tallmossen.csv', row: 2, column: '10', found: 'och mer' },
      { row: 3, column: '6 (Kommentar)', message: expect.stringContaining('"Kommentar", "Åtgärd", "Ansvarig", "Klart senast" saknas') },
    ]);
    const xlsx = await writeXlsx(join(dir, 'tallmossen.xlsx'), [{
      name: 'Svar',
      rows: [header.split(';'), [2024, 'T1', 'Tallmossen', 'B01', 'Uppfyllt', null, null, null, null, null, null, 'Nej']],
    }]);
    const [problem] = await refused(importSelfAssessment(shared.db, [xlsx]));
    expect(problem).toMatchObject({ file: 'tallmossen.xlsx', sheet: 'Svar', row: 2, column: 'L', found: 'Nej' });
    expect(problem!.message).toContain('utanför tabellen');
  });

  it('a judgement row with a field more than its header is an error', async () => {
    const file = writeText(join(dir, 'bedomning.csv'), 'Nämnd/bolag;Verksamhetsår;Rapport;Mål;Måluppfyllelse;Motivering\nTallmossen;2024;VB;Beredskap;Uppfyllt helt;Klart;delvis\n');
    expect(await refused(importJudgement(shared.db, [file]))).toMatchObject([{ file: 'bedomning.csv', row: 2, column: '7', found: 'delvis' }]);
  });
});
