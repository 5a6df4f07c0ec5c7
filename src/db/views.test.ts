// How src/sql becomes views: dependency order, a broken view's own error, removed files dropped, and
// materialised views stored as tables that follow the data only when refreshed (inside the writer's
// transaction). Uses view files of its own in a temp directory, over a real DuckDB file.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, writeText } from '../test/helpers.ts';
import { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { readViewFiles, refreshMaterialised, syncViews } from './views.ts';

describe('syncViews', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  async function setUp() {
    db = await Database.open(join(dir, 'v.duckdb'));
    await migrate(db);
    await db.run('create table fact (x integer)');
    await db.run('insert into fact values (1), (2)');
    const sql = join(dir, 'sql');
    mkdirSync(sql, { recursive: true });
    // named so that alphabetical order is the wrong order: a_total reads m_doubled reads z_base
    writeText(join(sql, 'z_base.sql'), '-- z_base: Grain: (x)\ncreate or replace view z_base as select x from fact\n');
    writeText(join(sql, 'm_doubled.sql'), '-- m_doubled\n-- Materialised: a table\ncreate or replace view m_doubled as select x * 2 as y from z_base\n');
    writeText(join(sql, 'a_total.sql'), '-- a_total\ncreate or replace view a_total as select sum(y)::integer as total from m_doubled\n');
    return sql;
  }
  const total = async () => (await db.one<{ total: number }>('select total from a_total'))!.total;

  it('creates views in dependency order and stores a materialised view as a table', async () => {
    const sql = await setUp();
    expect(readViewFiles(sql).views.map((v) => v.name)).toEqual(['z_base', 'm_doubled', 'a_total']);
    expect(await syncViews(db, { dir: sql })).toEqual({ recreated: true, dropped: [] });
    expect(await db.all("select table_name from duckdb_tables() where table_name = 'm_doubled'")).toHaveLength(1);
    expect(await total()).toBe(6);
    // unchanged files: nothing is recreated
    expect((await syncViews(db, { dir: sql })).recreated).toBe(false);
  });

  it('a materialised view follows the data when refreshed, and a rolled-back refresh leaves the old figures', async () => {
    const sql = await setUp();
    await syncViews(db, { dir: sql });
    await db.run('insert into fact values (10)');
    expect(await total()).toBe(6); // the table, not yet refreshed
    await expect(db.transaction(async () => {
      await refreshMaterialised(db, sql);
      throw new Error('import failed after the refresh');
    })).rejects.toThrow('import failed');
    expect(await total()).toBe(6);
    await db.transaction(() => refreshMaterialised(db, sql));
    expect(await total()).toBe(26);
  });

  it('a refresh asked for by two writes in one transaction runs once, just before the commit, and not at all on rollback', async () => {
    const sql = await setUp();
    await syncViews(db, { dir: sql });
    let runs = 0;
    const refresh = () => db.beforeCommit(async () => {
      runs++;
      await refreshMaterialised(db, sql);
    });
    await db.transaction(async () => {
      await db.transaction(async () => {
        await db.run('insert into fact values (10)');
        await refresh();
      });
      await db.transaction(async () => {
        await db.run('insert into fact values (100)');
        await refresh();
      });
      expect(runs).toBe(0);
    });
    expect(runs).toBe(1);
    expect(await total()).toBe(226);
    await expect(db.transaction(async () => {
      await refresh();
      throw new Error('failed');
    })).rejects.toThrow('failed');
    expect(runs).toBe(1);
  });

  it('a broken view reports its own error, not a dependant\'s, and nothing changes', async () => {
    const sql = await setUp();
    await syncViews(db, { dir: sql });
    writeText(join(sql, 'z_base.sql'), '-- z_base\ncreate or replace view z_base as select x from no_such_table\n');
    await expect(syncViews(db, { dir: sql })).rejects.toThrow(/^Vyn z_base\.sql kunde inte skapas: .*no_such_table/);
    expect(await total()).toBe(6);
  });

  it('never drops a table that is not one of its own: a view file named like one fails instead', async () => {
    const sql = await setUp();
    await syncViews(db, { dir: sql });
    writeText(join(sql, 'fact.sql'), '-- fact\ncreate or replace view fact as select 1 as x\n');
    await expect(syncViews(db, { dir: sql })).rejects.toThrow(/^Vyn fact\.sql kunde inte skapas/);
    expect(await db.all('select x from fact order by x')).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('drops the views and tables of removed files, and leaves an analyst\'s own view alone', async () => {
    const sql = await setUp();
    await syncViews(db, { dir: sql });
    await db.run('create view my_own as select 1 as one');
    rmSync(join(sql, 'a_total.sql'));
    rmSync(join(sql, 'm_doubled.sql'));
    expect(await syncViews(db, { dir: sql })).toEqual({ recreated: true, dropped: ['a_total', 'm_doubled'] });
    const names = (await db.all<{ n: string }>("select view_name as n from duckdb_views() where not internal union all select table_name from duckdb_tables() order by 1")).map((r) => r.n);
    expect(names).toEqual(expect.arrayContaining(['my_own', 'z_base', 'fact']));
    for (const gone of ['a_total', 'm_doubled', 'm_doubled__view']) expect(names).not.toContain(gone);
  });
});
