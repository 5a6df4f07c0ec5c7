import { loadConfig } from './loadConfig.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { syncViews } from '../db/views.ts';

/**
 * What every command does first: schema up to date, then, in one transaction, the configuration current
 * and the views in line with src/sql, the materialised ones recomputed when either changed.
 */
export async function initDatabase(db: Database, configDir: string): Promise<{ migrations: string[]; configReloaded: boolean }> {
  const migrations = await migrate(db);
  const configReloaded = await db.transaction(async () => {
    const reloaded = await loadConfig(db, configDir);
    await syncViews(db, { refresh: reloaded });
    return reloaded;
  });
  return { migrations, configReloaded };
}
