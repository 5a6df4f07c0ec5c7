// The organisation's dates and links the views cannot live with: a unit that ends before it starts drops
// out of every report, and a cycle in org/lineage.csv made every command run for ever. The configuration
// check refuses both; the recursive view stops on a cycle written into the table by other means, and
// `check` names it in Swedish.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lines, runCli } from '../cli/cliTesting.ts';
import type { Database } from '../db/database.ts';
import { cityConfigDir, configDir, configError, openTestDb, tempDir } from '../test/helpers.ts';
import { findCycles } from './cycles.ts';

describe('findCycles', () => {
  const link = (from: string, to: string, line: number) => ({ from, to, line });

  it('names each cycle once with the rows of its links: two units, a unit and itself, three units', () => {
    expect(findCycles([link('a', 'b', 2), link('b', 'a', 3), link('c', 'c', 4), link('x', 'y', 5), link('y', 'z', 6), link('z', 'x', 7)])).toEqual([
      { path: ['a', 'b', 'a'], lines: [2, 3] },
      { path: ['c', 'c'], lines: [4] },
      { path: ['x', 'y', 'z', 'x'], lines: [5, 6, 7] },
    ]);
  });

  it('finds none in mergers and splits, however they meet', () => {
    // Two units merged into one, which later merged on; a unit split in two that merge again.
    expect(findCycles([link('a', 'c', 2), link('b', 'c', 3), link('c', 'd', 4), link('e', 'f', 5), link('e', 'g', 6), link('f', 'h', 7), link('g', 'h', 8)])).toEqual([]);
  });
});

describe('configuration: the organisation', () => {
  const dir = tempDir();
  let db: Database | undefined;
  afterEach(() => db?.close());

  /** A copy of the fixture city with `edit` applied to its org/ files. */
  function badConfig(edit: { lineage?: string; units?: (text: string) => string }): string {
    const bad = join(dir, 'config');
    cpSync(cityConfigDir, bad, { recursive: true });
    const lineage = join(bad, 'org/lineage.csv');
    writeFileSync(lineage, readFileSync(lineage, 'utf8') + (edit.lineage ?? ''));
    const units = join(bad, 'org/units.csv');
    if (edit.units) writeFileSync(units, edit.units(readFileSync(units, 'utf8')));
    return bad;
  }

  it('refuses a unit whose end date is before its start date, and a date not in the calendar, by file, row and column', () => {
    const bad = badConfig({
      units: (text) => text
        .replace('norr,Norr,stadsdelsnamnd,9999,exempelstad,2010-01-01,,', 'norr,Norr,stadsdelsnamnd,9999,exempelstad,2010-01-01,2009-12-31,')
        .replace('syd,Syd,stadsdelsnamnd,9999,exempelstad,2010-01-01,,', 'syd,Syd,stadsdelsnamnd,9999,exempelstad,2010-02-30,,'),
    });
    const { problems, message } = configError(bad);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'org/units.csv', row: 3, column: 'valid_to', found: '2009-12-31', message: 'slutdatumet ligger före startdatumet 2010-01-01' }),
      expect.objectContaining({ file: join(bad, 'org/units.csv'), row: 4, column: 'valid_from', found: '2010-02-30', message: 'datumet ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern' }),
    ]);
    expect(message).toContain('Raden gäller då ingen dag och enheten faller ur varje rapport: rätta valid_from eller valid_to.');
  });

  it('refuses a cycle in org/lineage.csv – two units, a unit its own predecessor, three units – spelling out each with its rows', () => {
    // Rows 2–7 (row 1 is the header); a merger chain norr → syd alone is fine.
    const bad = badConfig({ lineage: 'norr,syd,2020-01-01\nsyd,norr,2021-01-01\ntrafikn,trafikn,2021-01-01\nsocialn,koncern-ab,2021-01-01\nkoncern-ab,bostader-ab,2021-01-01\nbostader-ab,socialn,2022-01-01\n' });
    const { problems, message } = configError(bad);
    const cycle = (found: string, rows: number[]) => expect.objectContaining({ file: 'org/lineage.csv', rows, found, message: 'historiken går i cirkel (föregångare → efterträdare)' });
    expect(problems).toEqual([cycle('bostader-ab → socialn → koncern-ab → bostader-ab', [5, 6, 7]), cycle('norr → syd → norr', [2, 3]), cycle('trafikn → trafikn', [4])]);
    expect(message.split('\n')).toContain('org/lineage.csv, rader 2–3: historiken går i cirkel (föregångare → efterträdare) "norr → syd → norr". En enhet kan inte vara sin egen föregångare, varken direkt eller via andra enheter: ta bort eller rätta en av raderna.');
  });

  it('refuses units that are each other\'s parents', () => {
    const bad = badConfig({ units: (text) => text.replace('koncern-ab,Exempelstad Koncern AB,bolag,9999,exempelstad', 'koncern-ab,Exempelstad Koncern AB,bolag,9999,bostader-ab') });
    expect(configError(bad).problems).toEqual([
      expect.objectContaining({ file: 'org/units.csv', rows: [7, 8], found: 'bostader-ab → koncern-ab → bostader-ab', message: 'de överordnade enheterna går i cirkel (unit_id → parent_unit_id)' }),
    ]);
  });

  it('`init` with a lineage cycle stops at once with the message and exit 1 (it ran for ever before)', () => {
    const bad = badConfig({ lineage: 'norr,syd,2020-01-01\nsyd,norr,2021-01-01\n' });
    const r = runCli(['init', '--db', join(dir, 'ny.duckdb'), '--config', bad]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toContain('  org/lineage.csv, rader 2–3: historiken går i cirkel (föregångare → efterträdare) "norr → syd → norr". En enhet kan inte vara sin egen föregångare, varken direkt eller via andra enheter: ta bort eller rätta en av raderna.');
  });

  it('the ancestor view follows a valid chain to its end, and stops on a cycle written into the table, which `check` names in Swedish', async () => {
    const path = join(dir, 'test.duckdb');
    db = await openTestDb(dir);
    // A chain as long as org_lineage has rows: the depth guard's bound, reached and not cut.
    await db.run('delete from org_lineage');
    await db.run(`insert into org_lineage values ('farsta', 'bromma', '2010-01-01'), ('bromma', 'kungsholmen', '2011-01-01')`);
    expect(await db.all(`select ancestor_id, depth from stg_unit_ancestor where unit_id = 'kungsholmen' order by depth`)).toEqual([
      { ancestor_id: 'kungsholmen', depth: 0 }, { ancestor_id: 'bromma', depth: 1 }, { ancestor_id: 'farsta', depth: 2 },
    ]);
    await db.run(`insert into org_lineage values ('kungsholmen', 'farsta', '2012-01-01')`);
    expect(await db.all(`select ancestor_id, depth from stg_unit_ancestor where unit_id = 'kungsholmen' order by depth`)).toEqual([
      { ancestor_id: 'kungsholmen', depth: 0 }, { ancestor_id: 'bromma', depth: 1 }, { ancestor_id: 'farsta', depth: 2 },
    ]);
    await db.run(`update org_unit set valid_to = '2006-12-31' where unit_id = 'farsta'`);
    db.close();
    db = undefined;
    const r = runCli(['check', '--db', path, '--config', configDir]);
    expect(r.code).toBe(1);
    // The materialised tables were not recomputed after the edits above, which `check` says too.
    expect(lines(r.stdout)[0]).toMatch(/^Vyernas kontroller som hittade fel: stg_unit_ancestor: ingen enhet är sin egen föregångare \(org_lineage går inte i cirkel\); org_unit: ingen enhet slutar före sin start \(valid_to före valid_from\); stg_org_namnd: tabellen är lika med sin vy stg_org_namnd__view; dash_namnd_lineage: tabellen är lika med sin vy dash_namnd_lineage__view(;|$)/);
  });
});
