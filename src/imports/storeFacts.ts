import type { DuckDBValue } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { appendRows } from '../db/appendRows.ts';
import { InputError } from '../text/problems.ts';

/** A fact table as the import writes it: its key, the columns a "change" compares, and its replacement scope. */
export interface FactTable {
  table: 'oj_answer' | 'oj_published_share' | 'self_assessment' | 'unit_judgement' | 'oj_action';
  /** Columns in table order, source_file_id included (filled in here). */
  columns: readonly string[];
  key: readonly string[];
  compared: readonly string[];
  /** A new file replaces the rows of the same kind that share these column values (e.g. year). */
  scope: readonly string[];
  /**
   * Refuse (unless allowed) a new version that removes more than a quarter of the rows it replaces: in
   * all, of any one unit kind (a file that lost its stadsdel sheet drops every stadsdelsnämnd, a
   * twentieth of a year's rows), or of the organisation's own units.
   */
  guardShrink?: boolean;
  /**
   * Refuse (unless allowed) a resend that removes more rows of one scope (a nämnd's period) than it
   * keeps: a partial resend, not a correction.
   */
  guardResend?: boolean;
}

/**
 * Rows already in a temporary table of the fact table's shape (source_file_id left empty), as a parser
 * that reads its file in DuckDB leaves them; `length` is their number. storeFacts drops the table.
 */
export interface StagedRows {
  stagedIn: string;
  length: number;
}

/** A file's rows for one fact table: values in table column order, or a staging table. */
export type FactRows = DuckDBValue[][] | StagedRows;

export interface Change {
  added: number;
  removed: number;
  changed: number;
  /** Removed rows by the kind of their unit (org_unit.kind), where the table has a unit_id. */
  removedByKind?: Record<string, number>;
}

/** The shrink guard's share: a new version may remove at most this much of what it replaces. */
const maxShrink = 1 / 4;

export interface SourceFileInfo {
  kind: string;
  fileName: string;
  sha256: string;
  bytes: number;
  years: number[];
  rowsRead: number;
  isSample: boolean;
}

/** The active source file with this content, if it was imported before. */
export async function findImported(db: Database, sha256: string): Promise<{ source_file_id: number; file_name: string; imported_at: string } | undefined> {
  return db.one(
    'select source_file_id, file_name, imported_at::varchar as imported_at from stg_source_in_force where sha256 = $1',
    [sha256],
  );
}

/**
 * Stores one file's facts inside the caller's transaction: registers the file, replaces the rows of the
 * same kind in the file's scope (a new version of that year's file), and reports what changed. A key
 * already held by a file of another kind stops the import with both files named.
 */
export async function storeFacts(
  db: Database,
  source: SourceFileInfo,
  facts: { table: FactTable; rows: FactRows; scope: DuckDBValue[][] }[],
  /** Let a new version remove more than a quarter of the rows it replaces (--replace). */
  allowShrink = false,
): Promise<{ sourceFileId: number; changes: Record<string, Change>; replaced: number[] }> {
  const { id } = (await db.one<{ id: number }>(
    `insert into source_file (kind, file_name, sha256, bytes, imported_at, rows_read, rows_stored, years, is_sample)
     values ($1, $2, $3, $4, current_timestamp, $5, 0, $6, $7) returning source_file_id as id`,
    [source.kind, source.fileName, source.sha256, source.bytes, source.rowsRead, listValue(source.years), source.isSample],
  ))!;
  const changes: Record<string, Change> = {};
  let stored = 0;
  for (const { table: t, rows, scope } of facts) {
    const stage = 'stagedIn' in rows ? rows.stagedIn : `stage_${t.table}`;
    const scopeTable = `scope_${t.table}`;
    if (!('stagedIn' in rows)) {
      await db.run(`create or replace temp table ${stage} as select * from ${t.table} limit 0`);
      await appendRows(db, stage, rows);
    }
    await db.run(`create or replace temp table ${scopeTable} as select ${t.scope.join(', ')} from ${t.table} limit 0`);
    await appendRows(db, scopeTable, scope);
    const onKey = t.key.map((k) => `o.${k} = n.${k}`).join(' and ');
    // The rows this file replaces (alias `x`): of the same kind of file, in the file's scope.
    const replacedBy = (x: string) => `exists (select 1 from ${scopeTable} s where ${t.scope.map((c) => `s.${c} = ${x}.${c}`).join(' and ')})
      and ${x}.source_file_id in (select source_file_id from source_file where kind = $1 and source_file_id <> $2)`;
    // Every key of the rows replaced (same kind, in scope) and of the new rows, once: what is added,
    // removed or changed, and the guards, are all read from this one comparison.
    const scopeOnly = t.scope.filter((c) => !t.key.includes(c));
    const side = [...t.key, ...scopeOnly, ...t.compared].map((c) => `x.${c}`).join(', ');
    const comparison = `from (select ${side}, true as present from ${t.table} x where ${replacedBy('x')}) o
       full join (select ${side}, true as present from ${stage} x) n on ${onKey}`;
    const diff = (await db.one<Change & { replaced: number }>(
      `select count(*) filter (where n.present and o.present is null)::int as added, count(*) filter (where o.present and n.present is null)::int as removed,
              count(*) filter (where o.present and n.present and (${t.compared.map((c) => `o.${c} is distinct from n.${c}`).join(' or ')}))::int as changed,
              count(o.present)::int as replaced
       ${comparison}`,
      [source.kind, id],
    ))!;
    const { replaced: replacedRows, ...change } = diff;
    changes[t.table] = change;
    // Only a version that removes rows can shrink, or needs to know what: the comparison is kept as a
    // table only then (most new versions keep every key).
    const merge = `merge_${t.table}`;
    if (change.removed) {
      await db.run(
        `create or replace temp table ${merge} as
         select ${[...t.key.map((k) => `coalesce(o.${k}, n.${k}) as ${k}`), ...scopeOnly.map((c) => `o.${c}`)].join(', ')},
                o.present is not null as in_old, n.present is not null as in_new
         ${comparison}`,
        [source.kind, id],
      );
    }
    // A new version that drops much of what it replaces is more often a partial file than a correction.
    const groups = change.removed && t.key.includes('unit_id') ? await removalsByUnit(db, merge) : [];
    const byKind = groups.filter((g) => g.what === 'kind' && g.removed > 0);
    if (byKind.length) change.removedByKind = Object.fromEntries(byKind.map((g) => [g.name, g.removed]));
    if (t.guardShrink && !allowShrink) {
      const shrinking = [
        { what: 'all', name: '', replaced: replacedRows, removed: change.removed },
        ...groups,
      ].filter((g) => g.replaced > 0 && g.removed > g.replaced * maxShrink);
      if (shrinking.length) {
        const of = (g: (typeof shrinking)[number]) =>
          g.what === 'all' ? `${g.removed} av ${g.replaced} rader i ${t.table}`
            : g.what === 'kind' ? `${g.removed} av ${g.replaced} rader för enheter av slaget ${g.name}`
              : `${g.removed} av ${g.replaced} rader för organisationens egna enheter (${g.name})`;
        throw new InputError(shrinking.map((g) => ({
          file: source.fileName,
          message: `den nya versionen tar bort ${of(g)} som den ersätter (en ofullständig fil, till exempel ett blad eller en kolumn som inte lästs?); kontrollera filen, eller ange --replace om det är meningen`,
        })));
      }
    }
    if (t.guardResend && !allowShrink && change.removed) {
      const partial = await db.all<{ scope: string; replaced: number; removed: number }>(
        `select concat_ws(' ', ${t.scope.join(', ')}) as scope, count(*)::int as replaced, count(*) filter (where not in_new)::int as removed
         from ${merge} where in_old group by all having removed > replaced - removed order by scope`,
      );
      if (partial.length) {
        throw new InputError(partial.map((p) => ({
          file: source.fileName,
          found: p.scope,
          message: `filen tar bort ${p.removed} av ${p.replaced} tidigare svar och behåller bara ${p.replaced - p.removed} (en ofullständig fil?); skicka hela rapporten, eller ange --replace om det är meningen`,
        })));
      }
    }
    // A key already held by another kind of file is refused: only a new key (not among the replaced
    // rows) can be one.
    if (change.added) {
      // Named at the new file's row, where the user can see which line collides.
      const conflicts = await db.all<{ sheet: string | null; row: number; key: string; file_name: string; kind: string; id: number }>(
        `select n.sheet, n.source_row as row, concat_ws(' ', ${t.key.map((k) => `n.${k}`).join(', ')}) as key, f.file_name, f.kind, f.source_file_id as id
         from ${stage} n join ${t.table} o on ${onKey} join source_file f on f.source_file_id = o.source_file_id
         where not (${replacedBy('o')})
         order by n.sheet, n.source_row
         limit 20`,
        [source.kind, id],
      );
      if (conflicts.length) {
        throw new InputError(conflicts.map((c) => ({
          file: source.fileName,
          sheet: c.sheet ?? undefined,
          row: c.row,
          found: c.key,
          message: `finns redan från ${c.file_name} (källa #${c.id}, ${c.kind}); en källa av annat slag ersätts inte – ta bort den först med "beredskap remove source ${c.id}"`,
        })));
      }
    }
    // Replaced in place: rows the new version drops are deleted, rows it keeps are updated, new ones
    // inserted. (Deleting every replaced row and inserting the new ones, the same result, makes DuckDB
    // report a duplicate key once a transaction replaces the same keys a second time.)
    if (change.removed) {
      await db.run(`delete from ${t.table} o where exists (select 1 from ${merge} n where not n.in_new and ${onKey})`);
      await db.run(`drop table ${merge}`);
    }
    const kept = rows.length - change.added;
    if (kept) {
      const columns = t.columns.filter((c) => !t.key.includes(c) && c !== 'source_file_id');
      await db.run(`update ${t.table} o set ${[...columns.map((c) => `${c} = n.${c}`), 'source_file_id = $1'].join(', ')} from ${stage} n where ${onKey}`, [id]);
    }
    if (change.added) {
      // With no key kept, none of the new keys is in the table (the conflicts above are refused).
      await db.run(
        `insert into ${t.table} select * replace ($1 as source_file_id) from ${stage} n${kept ? ` where not exists (select 1 from ${t.table} o where ${onKey})` : ''}`,
        [id],
      );
    }
    await db.run(`drop table ${stage}`);
    await db.run(`drop table ${scopeTable}`);
    stored += rows.length;
  }
  // A file none of whose rows remain is superseded by this one; its row stays as history.
  const superseded = await db.all<{ id: number }>(
    `update source_file f set superseded_by = $2
     where f.kind = $1 and f.source_file_id <> $2 and f.source_file_id in (select source_file_id from stg_source_in_force)
       and ${facts.map(({ table: t }) => `not exists (select 1 from ${t.table} x where x.source_file_id = f.source_file_id)`).join(' and ')}
     returning f.source_file_id as id`,
    [source.kind, id],
  );
  await db.run('update source_file set rows_stored = $1 where source_file_id = $2', [stored, id]);
  return { sourceFileId: id, changes, replaced: superseded.map((s) => s.id) };
}

/**
 * What a new version would remove, grouped by the unit's kind and for the organisation's own units
 * (setting organisation_unit_id, and the units under it): replaced rows and removed rows of each.
 */
async function removalsByUnit(db: Database, merge: string): Promise<{ what: 'kind' | 'own'; name: string; replaced: number; removed: number }[]> {
  return db.all(
    `with org as (select value as unit_id from setting where key = 'organisation_unit_id'),
     marked as (
       select coalesce(u.kind, 'okänt slag') as kind,
              (o.unit_id in (select unit_id from org) or u.parent_unit_id in (select unit_id from org)) as own,
              not o.in_new as is_removed
       from ${merge} o left join org_unit u on u.unit_id = o.unit_id
       where o.in_old)
     select 'kind' as what, kind as name, count(*)::int as replaced, count(*) filter (where is_removed)::int as removed
     from marked group by kind
     union all
     select 'own', (select string_agg(unit_id, ', ') from org), count(*)::int, count(*) filter (where is_removed)::int
     from marked where own
     order by what, name`,
  );
}
