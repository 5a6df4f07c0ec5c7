// An import refreshes only the materialised views that read what it wrote (or the clock). That must
// give exactly the rows a full refresh gives. After each step of a sequence of imports (ÖJ workbooks,
// self-assessments, nämndens bedömning, an ÖJ file changed in a few answers, the same file again, a
// corrected resend, a removed source) every materialised table as the import left it is kept aside, a
// full refresh is run, and each table is compared with what was kept, row for row as a multiset.
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeSource } from '../imports/removeSource.ts';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { generateSample } from '../sample/generateSample.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { cityConfigDir, openInitialisedDb, tempDir } from '../test/helpers.ts';
import type { Database } from './database.ts';
import { readViewFiles, refreshMaterialised } from './views.ts';

const materialised = readViewFiles().views.filter((v) => v.materialised).map((v) => v.name);

/** Runs a full refresh and names each materialised table whose rows it changed, with how many rows differ. */
async function changedByFullRefresh(db: Database): Promise<string[]> {
  for (const name of materialised) await db.run(`create or replace temp table kept_${name} as select * from ${name}`);
  await db.transaction(() => refreshMaterialised(db));
  const differing: string[] = [];
  for (const name of materialised) {
    const { n } = (await db.one<{ n: number }>(
      `select count(*)::int as n from ((select * from ${name} except all select * from kept_${name})
                                       union all (select * from kept_${name} except all select * from ${name}))`,
    ))!;
    if (n) differing.push(`${name}: ${n}`);
    await db.run(`drop table kept_${name}`);
  }
  return differing;
}

/** The workbook with its first `count` "Ja" answers (below the headers) turned into "Nej". */
async function withAnswersChanged(path: string, out: string, count: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  let left = count;
  workbook.eachSheet((ws) => ws.eachRow((row, r) => row.eachCell((cell) => {
    if (left > 0 && r > 5 && cell.value === 'Ja') {
      cell.value = 'Nej';
      left--;
    }
  })));
  expect(left).toBe(0);
  await workbook.xlsx.writeFile(out);
  return out;
}

describe('refreshing only the materialised views an import touched', () => {
  const dir = tempDir();

  it('leaves every materialised table as a full refresh would, import after import', async () => {
    const db = await openInitialisedDb(join(dir, 'test.duckdb'), cityConfigDir);
    try {
      const files = join(dir, 'filer');
      const { ojFiles, selfFiles, judgementFiles } = await generateSample(db, files, { ojYears: [2023, 2024], selfYears: [2024] });
      // One report per period of 2024, the first as CSV: 'övriga självskattningar' below imports T2 and VB.
      expect(selfFiles.map((f) => basename(f))).toEqual(['sjalvskattning-2024-T1.csv', 'sjalvskattning-2024-T2.xlsx', 'sjalvskattning-2024-VB.xlsx']);
      const changedOj = await withAnswersChanged(ojFiles[1]!, join(files, 'oj-2024-rattad.xlsx'), 5);
      const steps: [string, () => Promise<unknown>][] = [
        ['ÖJ 2023', () => importOj(db, [ojFiles[0]!])],
        ['självskattning T1', () => importSelfAssessment(db, [selfFiles[0]!])],
        ['nämndens bedömning', () => importJudgement(db, judgementFiles)],
        ['ÖJ 2024', () => importOj(db, [ojFiles[1]!])],
        ['övriga självskattningar', () => importSelfAssessment(db, selfFiles.slice(1))],
        ['ÖJ 2024 med fem svar ändrade', () => importOj(db, [changedOj], { acceptFidelity: true })],
        ['samma fil igen', () => importOj(db, [changedOj], { acceptFidelity: true })],
        ['rättad självskattning T1', async () => {
          const corrected = join(files, 'rattad.csv');
          const csv = readFileSync(selfFiles[0]!.replace(/\.xlsx$/, '.csv'), 'utf8');
          expect(csv).toMatch(/;Ej svar;|;Ej aktuellt;|;Uppfyllt;/);
          // One requirement judged differently: a delvis uppfyllt needs no action or motivering.
          writeFileSync(corrected, csv.replace(/;(Ej svar|Ej aktuellt|Uppfyllt);/, ';Delvis;'));
          return importSelfAssessment(db, [corrected], { replace: true });
        }],
        ['borttagen källa', async () => {
          const { id } = (await db.one<{ id: number }>(`select max(source_file_id) as id from source_file where kind = 'unit_judgement'`))!;
          return removeSource(db, id);
        }],
      ];
      for (const [step, run] of steps) {
        await run();
        expect(await changedByFullRefresh(db), step).toEqual([]);
      }
      // The comparison has something to catch: a judgement alone leaves the ÖJ marts as they were, and a
      // table left behind its logic is found.
      const refreshed = await db.transaction(() => refreshMaterialised(db, undefined, { changed: ['unit_judgement', 'source_file'] }));
      expect(refreshed.length).toBeLessThan(materialised.length);
      expect(refreshed).toContain('unit_year_count');
      expect(refreshed).not.toContain('oj_trend');
      await db.run('delete from oj_trend where rowid = (select min(rowid) from oj_trend)');
      expect(await changedByFullRefresh(db)).toEqual(['oj_trend: 1']);
    } finally {
      db.close();
    }
  }, 600_000);
});
