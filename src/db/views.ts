import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlDir } from '../paths.ts';
import type { Database } from './database.ts';

/**
 * One file of src/sql: a view named as the file, or (no `create … view`) statements every view needs
 * first, such as macros. A view whose header has a line `-- Materialised: …` is stored as a table of
 * its name, computed from the view `<name>__view` that holds its logic; readers get the table.
 */
export interface ViewFile {
  name: string;
  file: string;
  sql: string;
  sha256: string;
  materialised: boolean;
  /** The other views of src/sql this one reads. */
  dependsOn: string[];
}

const materialisedMark = /^--\s*Materialised:/m;
const withoutComments = (sql: string) => sql.replace(/--[^\n]*/g, '');

/** The suffix of the view that holds a materialised view's logic. */
export const logicSuffix = '__view';

/** Every view file of `dir`, in dependency order (a view after every view it reads), and the prelude files. */
export function readViewFiles(dir = sqlDir): { prelude: ViewFile[]; views: ViewFile[] } {
  const all = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((file): ViewFile => {
    const sql = readFileSync(join(dir, file), 'utf8');
    return {
      name: file.replace(/\.sql$/, ''),
      file,
      sql,
      sha256: createHash('sha256').update(sql).digest('hex'),
      materialised: materialisedMark.test(sql),
      dependsOn: [],
    };
  });
  const isView = (f: ViewFile) => /create\s+or\s+replace\s+view\s/i.test(f.sql);
  const views = all.filter(isView);
  for (const v of views) {
    if (!new RegExp(`create\\s+or\\s+replace\\s+view\\s+${v.name}\\s`, 'i').test(v.sql)) {
      throw new Error(`${v.file}: filen ska skapa vyn ${v.name} (en vy per fil, med filens namn)`);
    }
    const body = withoutComments(v.sql);
    v.dependsOn = views.filter((o) => o !== v && new RegExp(`\\b${o.name}\\b`).test(body)).map((o) => o.name);
  }
  return { prelude: all.filter((f) => !isView(f)), views: dependencyOrder(views) };
}

/** Views ordered so that each comes after what it reads; alphabetical where the order is free. */
function dependencyOrder(views: ViewFile[]): ViewFile[] {
  const done = new Set<string>();
  const ordered: ViewFile[] = [];
  let rest = views;
  while (rest.length) {
    const ready = rest.filter((v) => v.dependsOn.every((d) => done.has(d)));
    if (!ready.length) throw new Error(`Vyerna ${rest.map((v) => v.file).join(', ')} läser varandra i en cirkel`);
    for (const v of ready) {
      ordered.push(v);
      done.add(v.name);
    }
    rest = rest.filter((v) => !done.has(v.name));
  }
  return ordered;
}

async function createOne(db: Database, v: ViewFile): Promise<void> {
  try {
    if (!v.materialised) {
      await db.run(v.sql);
      return;
    }
    const logic = v.sql.replace(new RegExp(`(create\\s+or\\s+replace\\s+view\\s+)${v.name}(\\s)`, 'i'), `$1${v.name}${logicSuffix}$2`);
    await db.run(logic);
    await db.run(`create or replace table ${v.name} as select * from ${v.name}${logicSuffix}`);
  } catch (error) {
    throw new Error(`Vyn ${v.file} kunde inte skapas: ${(error as Error).message}`);
  }
}

/** Views and tables of the main schema, by name, as the catalog has them now. */
async function catalogObjects(db: Database): Promise<Map<string, 'view' | 'table'>> {
  const rows = await db.all<{ name: string; kind: 'view' | 'table' }>(
    `select view_name as name, 'view' as kind from duckdb_views() where not internal and schema_name = 'main' and database_name = current_database()
     union all
     select table_name, 'table' from duckdb_tables() where schema_name = 'main' and database_name = current_database()`,
  );
  return new Map(rows.map((r) => [r.name, r.kind]));
}

/**
 * Recomputes the materialised views' tables from their logic, in dependency order, so each reads the
 * fresh tables before it. Call inside the transaction that changed the data: a reader then sees the
 * old figures or the new ones, never half of each. `changed`: the tables the transaction wrote; then
 * only the views that read one of them are recomputed — through their own SQL, the plain views they
 * read, the prelude's macros, or a materialised view recomputed before them — and every other keeps
 * its rows, which its inputs would give again. Without `changed` (a configuration change, or when in
 * doubt), every one.
 */
export async function refreshMaterialised(db: Database, dir = sqlDir, options: { changed?: Iterable<string> } = {}): Promise<string[]> {
  const { prelude, views } = readViewFiles(dir);
  const changed = options.changed ? new Set(options.changed) : undefined;
  const refreshed: string[] = [];
  for (const v of views.filter((f) => f.materialised)) {
    if (changed && !readsAny(v, views, prelude, changed)) continue;
    try {
      await db.run(`create or replace table ${v.name} as select * from ${v.name}${logicSuffix}`);
    } catch (error) {
      throw new Error(`Vyn ${v.file} kunde inte beräknas: ${(error as Error).message}`);
    }
    refreshed.push(v.name);
    changed?.add(v.name);
  }
  return refreshed;
}

// Recomputed at every refresh, as a full refresh would: a view that reads the clock (today's date
// decides what is due) changes without any table changing, and one that reads another view's logic by
// its `__view` name reads what the dependency scan does not follow.
const alwaysRefreshed = /\b(current_date|current_timestamp|current_time|now|today|get_current_time|get_current_timestamp|localtimestamp)\b|\w__view\b/i;

/**
 * Whether a view reads one of `names` (or is always refreshed): named in its SQL, in a plain view it reads (at any
 * depth: those are computed when read), or in the prelude, whose macros any view may call. A
 * materialised view it reads counts by its own name, which is among `names` once recomputed.
 */
function readsAny(v: ViewFile, views: ViewFile[], prelude: ViewFile[], names: Set<string>): boolean {
  const byName = new Map(views.map((f) => [f.name, f]));
  const texts = prelude.map((p) => p.sql);
  const seen = new Set<string>();
  const visit = (f: ViewFile) => {
    if (seen.has(f.name)) return;
    seen.add(f.name);
    texts.push(f.sql);
    for (const d of f.dependsOn) {
      const dep = byName.get(d);
      if (dep && !dep.materialised) visit(dep);
    }
  };
  visit(v);
  const body = withoutComments(texts.join('\n'));
  return alwaysRefreshed.test(body) || [...names].some((n) => new RegExp(`\\b${n}\\b`).test(body));
}

// What an import's transaction wrote, gathered until its commit: several imports in one transaction
// (the bench's, a pull's) refresh once, for all of them.
const pendingRefresh = new WeakMap<Database, Set<string> | 'all'>();

/**
 * Refreshes the materialised views that read `changed` (every one without it) as the transaction
 * commits, or now outside one. Calls within one transaction add up to one refresh.
 */
export async function refreshAtCommit(db: Database, changed?: Iterable<string>): Promise<void> {
  const before = pendingRefresh.get(db);
  pendingRefresh.set(db, !changed || before === 'all' ? 'all' : new Set([...(before ?? []), ...changed]));
  await db.beforeCommit(async () => {
    const pending = pendingRefresh.get(db);
    pendingRefresh.delete(db);
    await refreshMaterialised(db, sqlDir, pending === 'all' ? {} : { changed: pending });
  });
}

/**
 * Brings the views in line with src/sql in one transaction: when any file changed, was added or was
 * removed, every view is recreated in dependency order (a broken view stops with its own error, since
 * everything it reads was created before it), the views and tables of removed files are dropped, and
 * the materialised views are computed. When nothing changed, nothing is done, unless `refresh` (the
 * configuration changed) asks for the materialised views to be recomputed.
 */
export async function syncViews(db: Database, options: { refresh?: boolean; dir?: string } = {}): Promise<{ recreated: boolean; dropped: string[] }> {
  const { prelude, views } = readViewFiles(options.dir);
  const registered = await db.all<{ name: string; materialised: boolean; sql_sha256: string }>('select * from semantic_object');
  const objects = await catalogObjects(db);
  const byName = new Map(registered.map((r) => [r.name, r]));
  const unchanged =
    registered.length === views.length &&
    views.every((v) => {
      const r = byName.get(v.name);
      return r && r.sql_sha256 === v.sha256 && objects.get(v.name) === (v.materialised ? 'table' : 'view');
    });
  if (unchanged) {
    if (options.refresh) await db.transaction(() => refreshMaterialised(db, options.dir));
    return { recreated: false, dropped: [] };
  }
  const current = new Set(views.map((v) => v.name));
  const dropped = registered.map((r) => r.name).filter((n) => !current.has(n)).sort();
  await db.transaction(async () => {
    // Everything of ours goes first (a view file may have become materialised, or the reverse); DuckDB
    // binds a view when it is queried, so the order of dropping does not matter.
    // A table is only dropped when the registry says it is one of ours: a view file named like a base
    // table must fail on creating, never take the data with it.
    const ownTables = new Set(registered.filter((r) => r.materialised).map((r) => r.name));
    for (const name of new Set([...registered.map((r) => r.name), ...current])) {
      for (const n of [name, `${name}${logicSuffix}`]) {
        const kind = objects.get(n);
        if (kind === 'view' || (kind === 'table' && ownTables.has(n))) await db.run(`drop ${kind} ${n}`);
      }
    }
    for (const p of prelude) {
      try {
        await db.run(p.sql);
      } catch (error) {
        throw new Error(`${p.file} kunde inte köras: ${(error as Error).message}`);
      }
    }
    for (const v of views) await createOne(db, v);
    await db.run('delete from semantic_object');
    for (const v of views) await db.run('insert into semantic_object values ($1, $2, $3)', [v.name, v.materialised, v.sha256]);
  });
  return { recreated: true, dropped };
}
