// What the importers' fuzz test (src/test/fuzz/) found, each as a test of its own on files of our own
// making; and that the fuzz test's judgement of an import fails where it should.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOj } from '../oj/importOj.ts';
import { inputProblems, sharedTestDb, writeText, writeXlsx } from '../test/helpers.ts';
import { judge, secondsPerImport, type Facts } from '../test/fuzz/importFuzz.ts';
import type { FileReport } from './importFiles.ts';
import { InputError, type Problem } from '../text/problems.ts';

describe('what the fuzz test found', () => {
  const shared = sharedTestDb();
  const { dir } = shared;

  // The fuzz test changed a long file's year to one a workbook holds: the message named the cell's key, not its row.
  it('a long-file row whose cell a workbook already holds is refused at its own row, not only by its key', async () => {
    const workbook = await writeXlsx(join(dir, 'oj-2024.xlsx'), [{ name: 'Kommuner', rows: [['Kommun', 'Evakueringsplan, SÄBO'], ['Stockholm', 'Ja'], ['Upplands Väsby', 'Nej']] }]);
    await importOj(shared.db, [workbook]);
    const csv = writeText(join(dir, 'lang.csv'), 'ar;enhet;indikator;verksamhet;svar\n2023;Stockholm;evakuering;sabo;Ja\n2024;Upplands Väsby;evakuering;sabo;Ja\n');
    expect(await inputProblems(importOj(shared.db, [csv]))).toMatchObject([{ file: 'lang.csv', row: 3, found: '2024 upplands-vasby evakuering_sabo', message: expect.stringMatching(/^finns redan från oj-2024\.xlsx/) }]);
  });
});

describe("the fuzz test's judgement", () => {
  const before: Facts = new Map([['oj_answer', new Map([['[2024,norr,evakuering_sabo]', '[ja,Ja]']])], ['self_assessment', new Map()]]);
  const after: Facts = new Map([['oj_answer', new Map([['[2024,norr,evakuering_sabo]', '[nej,Nej]']])], ['self_assessment', new Map()]]);
  const report = (changes: FileReport['changes']): FileReport => ({ file: 'oj-2024.csv', status: 'imported', years: [2024], rowsRead: 1, rowsStored: 1, changes });
  const refused = (...problems: Problem[]) => ({ error: new InputError(problems) });

  it('passes an import whose summary says what the database shows, and bad input at a row or about the whole file', () => {
    expect(judge('oj-2024.csv', { reports: [report({ oj_answer: { added: 0, removed: 0, changed: 1 } })], after }, before, 0.2)).toBeUndefined();
    expect(judge('oj-2024.csv', refused({ file: 'oj-2024.csv', row: 3, column: '5 (svar)', found: 'Kanske', message: 'okänt svar' }), before, 0.2)).toBeUndefined();
    expect(judge('oj-2024.csv', refused({ file: 'oj-2024.csv', message: 'ingen rubrikrad hittades (väntade …)' }), before, 0.2)).toBeUndefined();
  });

  it('fails a summary that leaves a change unsaid, an error that is no bad input, a problem without file or row, English, and a slow import', () => {
    expect(judge('oj-2024.csv', { reports: [report({})], after }, before, 0.2)).toMatch(/^sammanfattningen säger oj_answer \{"added":0,"removed":0,"changed":0\} men databasen ändrades \{"added":0,"removed":0,"changed":1\}/);
    expect(judge('oj-2024.csv', { error: new TypeError("Cannot read properties of undefined (reading 'x')") }, before, 0.2)).toMatch(/^inte ett inputfel \(exit 70\): TypeError/);
    expect(judge('oj-2024.csv', refused({ file: 'oj-2024.csv', message: 'något är fel någonstans' }), before, 0.2)).toMatch(/^problemet nämner ingen rad/);
    expect(judge('oj-2024.csv', refused({ file: 'annan.csv', row: 2, message: 'okänt svar' }), before, 0.2)).toMatch(/^problemet nämner inte filen/);
    expect(judge('oj-2024.csv', refused({ file: 'oj-2024.csv', row: 2, message: 'the parsing is finished with an opening quote at line 3' }), before, 0.2)).toMatch(/^meddelandet har främmande text/);
    expect(judge('oj-2024.csv', { reports: [report({ oj_answer: { added: 0, removed: 0, changed: 1 } })], after }, before, secondsPerImport + 1)).toMatch(/^tog \d/);
  });
});
