import type { Database } from '../db/database.ts';
import { refreshAtCommit } from '../db/views.ts';
import { refillKoladaAnswers } from './koladaAnswers.ts';
import { InputError } from '../text/problems.ts';

/** The tables whose rows point at a source file. */
const factTables = ['oj_answer', 'oj_published_share', 'self_assessment', 'kolada_value', 'oj_action'] as const;

export interface RemovedSource {
  sourceFileId: number;
  fileName: string;
  kind: string;
  years: number[];
  /** Rows deleted, per table (only tables that held some). */
  removed: Record<string, number>;
  /** Kolada answers put back for kommun-years the file held and Kolada has. */
  koladaRefilled: number;
}

/**
 * `beredskap remove source ID`: deletes every fact the source file brought, in one transaction, and
 * marks the file removed (its row stays in `source_file`, shown by `sources`). Kolada's answers come
 * back for the kommun-years the file held, as after any ÖJ import. Files it once replaced do not come
 * back: their rows are gone, and importing them again is the way to restore them.
 */
export async function removeSource(db: Database, sourceFileId: number): Promise<RemovedSource> {
  const file = await db.one<{ file_name: string; kind: string; years: number[]; removed: boolean; superseded_by: number | null }>(
    'select file_name, kind, years, removed_at is not null as removed, superseded_by from source_file where source_file_id = $1',
    [sourceFileId],
  );
  const where = `källa #${sourceFileId}`;
  if (!file) throw new InputError([{ file: where, message: 'ingen källa med det numret; "beredskap sources" listar dem' }]);
  if (file.removed) throw new InputError([{ file: `${where} (${file.file_name})`, message: 'är redan borttagen' }]);
  const result = await db.transaction(async () => {
    const removed: Record<string, number> = {};
    for (const table of factTables) {
      const { n } = (await db.one<{ n: number }>(`select count(*)::int as n from ${table} where source_file_id = $1`, [sourceFileId]))!;
      if (!n) continue;
      await db.run(`delete from ${table} where source_file_id = $1`, [sourceFileId]);
      removed[table] = n;
    }
    await db.run('update source_file set removed_at = current_timestamp where source_file_id = $1', [sourceFileId]);
    const koladaRefilled = await refillKoladaAnswers(db);
    // The materialised views follow the removal in the same transaction, as after an import: all of
    // them (a removal is rare), together with any import's in the same transaction.
    await refreshAtCommit(db);
    return { sourceFileId, fileName: file.file_name, kind: file.kind, years: file.years, removed, koladaRefilled };
  });
  return result;
}
