import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlDir } from '../paths.ts';
import type { Database } from './database.ts';

/**
 * Recreates every view in src/sql/*.sql (one view per file, named as the file). Files are applied in
 * dependency order: a view whose dependency is not yet created is retried after the others.
 */
export async function createViews(db: Database): Promise<string[]> {
  let pending = readdirSync(sqlDir).filter((f) => f.endsWith('.sql')).sort();
  const created: string[] = [];
  while (pending.length) {
    const failed: { file: string; error: unknown }[] = [];
    for (const file of pending) {
      try {
        await db.run(readFileSync(join(sqlDir, file), 'utf8'));
        created.push(file.replace(/\.sql$/, ''));
      } catch (error) {
        failed.push({ file, error });
      }
    }
    if (failed.length === pending.length) {
      throw new Error(`Vyn ${failed[0]!.file} kunde inte skapas: ${String((failed[0]!.error as Error).message)}`);
    }
    pending = failed.map((f) => f.file);
  }
  return created;
}
