import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import type { Database } from '../db/database.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { openInitialisedDb, tempDir, townConfigDir, writeText, writeXlsx } from '../test/helpers.ts';
import { InputError } from '../text/problems.ts';
import { removeSource } from './removeSource.ts';

const selfCsv = (path: string, unit: string, rows: [string, string][]) =>
  writeText(path, `År;Period;Nämnd;Krav;Status\n${rows.map(([req, status]) => `2025;T1;${unit};${req};${status}`).join('\n')}\n`);
const requirements = ['B01', 'B02', 'B03', 'B04', 'B05', 'B06'];

const ojCsv = (path: string, year: number, answer: string) =>
  writeText(path, `ar;enhet;indikator;verksamhet;svar\n${year};Tallmossen;evakuering;sabo;${answer}\n${year};Strandvallen;evakuering;sabo;Ja\n`);

describe('conflicting files, partial resends and removing a source', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('refuses two files for the same ÖJ year, or the same nämnd and period, in one command, naming both', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    const a = ojCsv(join(dir, 'a-2024.csv'), 2024, 'Ja');
    const b = ojCsv(join(dir, 'b-2024.csv'), 2024, 'Nej');
    const error = (await importOj(db, [a, b]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems).toEqual([expect.objectContaining({ file: 'b-2024.csv', found: '2024', message: expect.stringMatching(/samma år som a-2024\.csv i samma kommando/) })]);
    // The same content twice is no conflict, and other years are none either.
    await importOj(db, [a, a, ojCsv(join(dir, 'c-2023.csv'), 2023, 'Nej')]);

    const tallmossen1 = selfCsv(join(dir, 'tallmossen-1.csv'), 'Tallmossen', [['B01', 'Uppfyllt']]);
    const tallmossen2 = selfCsv(join(dir, 'tallmossen-2.csv'), 'Tallmossen', [['B01', 'Ej uppfyllt']]);
    const strandvallen = selfCsv(join(dir, 'strandvallen.csv'), 'Strandvallen', [['B01', 'Ej uppfyllt']]);
    await expect(importSelfAssessment(db, [tallmossen1, strandvallen, tallmossen2])).rejects.toThrow(/tallmossen-2\.csv: gäller samma år, period, nämnd som tallmossen-1\.csv.*"2025 T1 tallmossen"/s);
    expect(await db.one('select count(*)::int as n from self_assessment')).toEqual({ n: 0 });
    await importSelfAssessment(db, [tallmossen1, strandvallen]);
  });

  it('a self-assessment resend that removes more than it keeps needs --replace, and its removals are reported', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    await importSelfAssessment(db, [selfCsv(join(dir, 'hel.csv'), 'Tallmossen', requirements.map((r) => [r, 'Uppfyllt']))]);
    const partial = selfCsv(join(dir, 'del.csv'), 'Tallmossen', [['B01', 'Delvis']]);
    const error = (await importSelfAssessment(db, [partial]).catch((e: unknown) => e)) as InputError;
    expect(error.problems).toEqual([expect.objectContaining({ file: 'del.csv', found: '2025 T1 tallmossen', message: expect.stringMatching(/tar bort 5 av 6 tidigare svar och behåller bara 1.*--replace/) })]);
    expect(await db.one('select count(*)::int as n from self_assessment')).toEqual({ n: 6 });
    // Half kept is a correction, not a partial file.
    const half = selfCsv(join(dir, 'halv.csv'), 'Tallmossen', requirements.slice(0, 3).map((r) => [r, 'Delvis']));
    const [report] = await importSelfAssessment(db, [half]);
    expect(report!.changes!.self_assessment).toEqual({ added: 0, removed: 3, changed: 3, removedByKind: { stadsdelsnamnd: 3 } });
    db.close();
    const out: string[] = [];
    const dbPath = join(dir, 'test.duckdb');
    expect(await main(['import', 'self-assessment', partial, '--db', dbPath, '--config', townConfigDir, '--quiet'], (t) => out.push(t))).toBe(1);
    expect(await main(['import', 'self-assessment', partial, '--db', dbPath, '--config', townConfigDir, '--quiet', '--replace'], (t) => out.push(t))).toBe(0);
    expect(out.join("\n")).toMatch(/självskattningar: 0 nya, 2 borttagna \(stadsdelsnämnd 2\), 0 ändrade/);
  });

  it('remove source deletes a file\'s facts in one go, lets another kind of file in, and is listed in sources', async () => {
    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    const csv = ojCsv(join(dir, 'hand-2024.csv'), 2024, 'Ja');
    await importOj(db, [csv]);
    const workbook = await writeXlsx(join(dir, 'oj-2024.xlsx'), [{
      name: 'Stadsdelar',
      rows: [['Krisberedskap 2024'], ['Stadsdel', 'Plan för evakuering – Särskilt boende för äldre'], ['Tallmossen', 'Nej'], ['Strandvallen', 'Nej']],
    }]);
    // A cell held by a file of another kind: the message names the command that removes it.
    await expect(importOj(db, [workbook])).rejects.toThrow(/hand-2024\.csv \(källa #1, oj_csv\).*beredskap remove source 1/);
    db.close();

    const dbPath = join(dir, 'test.duckdb');
    const out: string[] = [];
    expect(await main(['remove', 'source', '1', '--db', dbPath, '--config', townConfigDir], (t) => out.push(t))).toBe(0);
    expect(out[0]).toMatch(/^Källa #1 \(hand-2024\.csv, ÖJ, långt format \(CSV\)\) är borttagen: ÖJ-svar 2\./);
    expect(await main(['remove', 'source', '1', '--db', dbPath, '--config', townConfigDir], () => {})).toBe(1);
    expect(await main(['remove', 'source', '99', '--db', dbPath, '--config', townConfigDir], () => {})).toBe(1);
    expect(await main(['remove', 'source', 'x', '--db', dbPath, '--config', townConfigDir], () => {})).toBe(2);
    const listed: string[] = [];
    expect(await main(['sources', '--db', dbPath, '--config', townConfigDir, '--json'], (t) => listed.push(t))).toBe(0);
    expect(JSON.parse(listed[0]!)).toEqual([expect.objectContaining({ source_file_id: 1, file_name: 'hand-2024.csv', removed_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) })]);

    db = await openInitialisedDb(join(dir, 'test.duckdb'), townConfigDir);
    expect(await db.one('select count(*)::int as n from oj_answer')).toEqual({ n: 0 });
    expect(await db.one(`select n_files from source_freshness where kind = 'oj_csv'`)).toBeUndefined();
    await importOj(db, [workbook]);
    expect(await db.all('select unit_id, answer from oj_answer order by unit_id')).toEqual([{ unit_id: 'strandvallen', answer: 'nej' }, { unit_id: 'tallmossen', answer: 'nej' }]);
    // The removed file can be imported again on purpose; it is not "already imported".
    const { id } = (await db.one<{ id: number }>(`select source_file_id as id from source_file where file_name = 'oj-2024.xlsx'`))!;
    expect(await removeSource(db, id)).toMatchObject({ removed: { oj_answer: 2 } });
    const [again] = await importOj(db, [csv]);
    expect(again!.status).toBe('imported');
  });
});
