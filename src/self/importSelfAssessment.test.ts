import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { InputError } from '../text/problems.ts';
import { openTestDb, tempDir, writeText, writeXlsx, type Cell } from '../test/helpers.ts';
import { importSelfAssessment } from './importSelfAssessment.ts';

const header: Cell[] = ['År', 'Period', 'Nämnd', 'Krav', 'Kravtext', 'Status', 'Kommentar', 'Åtgärd', 'Ansvarig', 'Klart senast'];

async function selfWorkbook(path: string, rows: Cell[][]) {
  return writeXlsx(path, [{ name: 'Självskattning', rows: [['Självskattning säkerhetsprogrammet'], [], header, ...rows] }]);
}

describe('importSelfAssessment', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  it('reads statuses in the spellings people type; blank is ej_svar, never uppfyllt', async () => {
    db = await openTestDb(dir);
    const file = await selfWorkbook(join(dir, 'farsta.xlsx'), [
      [2024, 'T1', 'Farsta', 'B01', 'Aktuell RSA', 'Uppfyllt', null, null, null, null],
      [2024, 'T1', 'Farsta', 'B02 Handlingsplan', null, 'uppfyllt helt', null, null, null, null],
      [2024, 'T1', 'Farsta stadsdelsnämnd', 'B03', null, 'Delvis', 'Planen revideras', 'Revidera planen', 'Säkerhetssamordnare', new Date(Date.UTC(2024, 8, 30))],
      [2024, 'Tertial 1', 'Farsta', 'B04', null, 'Ej uppfyllt', null, 'Övning', 'Förvaltningschef', '2024-11-30'],
      [2024, 'T1', 'Farsta', 'B05', null, 'Ej aktuellt', null, null, null, null],
      [2024, 'T1', 'Farsta', 'B06', null, null, null, null, null, null],
    ]);
    const [report] = await importSelfAssessment(db, [file]);
    expect(report).toMatchObject({ status: 'imported', years: [2024], rowsStored: 6 });
    const rows = await db.all('select requirement_id, status, raw_status, comment, planned_action, owner, due_date::varchar as due_date, unit_id, source_row from self_assessment order by requirement_id');
    expect(rows).toEqual([
      { requirement_id: 'B01', status: 'uppfyllt', raw_status: 'Uppfyllt', comment: null, planned_action: null, owner: null, due_date: null, unit_id: 'farsta', source_row: 4 },
      { requirement_id: 'B02', status: 'uppfyllt', raw_status: 'uppfyllt helt', comment: null, planned_action: null, owner: null, due_date: null, unit_id: 'farsta', source_row: 5 },
      { requirement_id: 'B03', status: 'delvis', raw_status: 'Delvis', comment: 'Planen revideras', planned_action: 'Revidera planen', owner: 'Säkerhetssamordnare', due_date: '2024-09-30', unit_id: 'farsta', source_row: 6 },
      { requirement_id: 'B04', status: 'ej_uppfyllt', raw_status: 'Ej uppfyllt', comment: null, planned_action: 'Övning', owner: 'Förvaltningschef', due_date: '2024-11-30', unit_id: 'farsta', source_row: 7 },
      { requirement_id: 'B05', status: 'ej_aktuellt', raw_status: 'Ej aktuellt', comment: null, planned_action: null, owner: null, due_date: null, unit_id: 'farsta', source_row: 8 },
      { requirement_id: 'B06', status: 'ej_svar', raw_status: '', comment: null, planned_action: null, owner: null, due_date: null, unit_id: 'farsta', source_row: 9 },
    ]);
  });

  it('reports unknown column, unit, requirement, status and date together, with the closest names', async () => {
    db = await openTestDb(dir);
    const file = writeText(join(dir, 'bad.csv'), [
      'År;Period;Nämnd;Krav;Stauts;Kommentar',
      '2024;T1;Farstaa;B01;Uppfyllt;',
    ].join('\n'));
    let error = (await importSelfAssessment(db, [file]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems[0]).toMatchObject({ file: 'bad.csv', row: 1, column: '5', found: 'Stauts' });
    expect(error.problems[0]!.suggestions![0]).toBe('Status');

    const rows = writeText(join(dir, 'rows.csv'), [
      'År;Period;Nämnd;Krav;Status;Klart senast',
      '2024;T1;Farstaa;B01;Uppfyllt;',
      '2024;T1;Farsta;X99;Uppfyllt;',
      '2024;T1;Farsta;B02;Uppfylt;',
      '2024;T1;Farsta;B03;Delvis;30 juni',
      '2024;T1;Farsta;K01;Delvis;',
      '2024;T1;Malmö;B01;Uppfyllt;',
    ].join('\n'));
    error = (await importSelfAssessment(db, [rows]).catch((e: unknown) => e)) as InputError;
    const byRow = Object.fromEntries(error.problems.map((p) => [p.row, p]));
    expect(byRow[2]).toMatchObject({ column: '3 (Nämnd)', message: 'okänd nämnd', found: 'Farstaa' });
    expect(byRow[2]!.suggestions![0]).toBe('Farsta');
    expect(byRow[3]).toMatchObject({ column: '4 (Krav)', message: 'okänt krav', found: 'X99' });
    expect(byRow[4]).toMatchObject({ column: '5 (Status)', message: 'okänd status', found: 'Uppfylt' });
    expect(byRow[4]!.suggestions![0]).toBe('Uppfyllt');
    expect(byRow[5]).toMatchObject({ column: '6 (Klart senast)', found: '30 juni' });
    expect(byRow[6]!.message).toBe('kravet gäller 2020–2023, inte 2024');
    expect(byRow[7]).toMatchObject({ column: '3 (Nämnd)', found: 'Malmö' });
    expect(byRow[7]!.message).toContain('är varken en av organisationens nämnder eller bolag');
    expect(await db.one('select count(*)::int as n from self_assessment')).toEqual({ n: 0 });
  });

  it("a nämnd's new file replaces only that nämnd's period, and the same file twice is a no-op", async () => {
    db = await openTestDb(dir);
    const farsta = await selfWorkbook(join(dir, 'farsta.xlsx'), [[2024, 'T1', 'Farsta', 'B01', null, 'Delvis', null, null, null, null], [2024, 'T1', 'Farsta', 'B02', null, 'Delvis', null, null, null, null]]);
    const bromma = await selfWorkbook(join(dir, 'bromma.xlsx'), [[2024, 'T1', 'Bromma', 'B01', null, 'Uppfyllt', null, null, null, null]]);
    await importSelfAssessment(db, [farsta, bromma]);
    expect((await importSelfAssessment(db, [bromma]))[0]!.status).toBe('unchanged');
    const farsta2 = await selfWorkbook(join(dir, 'farsta-v2.xlsx'), [[2024, 'T1', 'Farsta', 'B01', null, 'Uppfyllt', null, null, null, null]]);
    const [report] = await importSelfAssessment(db, [farsta2]);
    expect(report!.changes!.self_assessment).toEqual({ added: 0, removed: 1, changed: 1, removedByKind: { stadsdelsnamnd: 1 } });
    expect(await db.all('select unit_id, requirement_id, status from self_assessment order by all')).toEqual([
      { unit_id: 'bromma', requirement_id: 'B01', status: 'uppfyllt' },
      { unit_id: 'farsta', requirement_id: 'B01', status: 'uppfyllt' },
    ]);
  });

  it('reads a requirement given by its text as the one in force that year', async () => {
    db = await openTestDb(dir);
    // "Incidentrapportering" is H02 in the 2020–2023 programme and P02 from 2024.
    const file = writeText(join(dir, 'text.csv'), 'År;Period;Nämnd;Krav;Status\n2023;VB;Farsta;Incidentrapportering;Uppfyllt\n2024;VB;Farsta;Incidentrapportering;Delvis\n');
    await importSelfAssessment(db, [file]);
    expect(await db.all('select year, requirement_id from self_assessment order by year')).toEqual([
      { year: 2023, requirement_id: 'H02' },
      { year: 2024, requirement_id: 'P02' },
    ]);
  });

  it('reads a unit name as it was at the end of the period (Järva from July 2023)', async () => {
    db = await openTestDb(dir);
    const file = await selfWorkbook(join(dir, 'jarva.xlsx'), [
      [2023, 'T1', 'Rinkeby-Kista', 'K01', null, 'Uppfyllt', null, null, null, null],
      [2023, 'VB', 'Järva', 'K01', null, 'Uppfyllt', null, null, null, null],
    ]);
    await importSelfAssessment(db, [file]);
    expect(await db.all('select period, unit_id from self_assessment order by period')).toEqual([
      { period: 'T1', unit_id: 'rinkeby-kista' },
      { period: 'VB', unit_id: 'jarva' },
    ]);
  });
});
