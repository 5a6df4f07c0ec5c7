import { loadConfig } from '../config/loadConfig.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { createViews } from './views.ts';

/** What every command does first: schema up to date, configuration current, views recreated. */
export async function initDatabase(db: Database, configDir: string): Promise<{ migrations: string[]; configReloaded: boolean }> {
  const migrations = await migrate(db);
  const configReloaded = await loadConfig(db, configDir);
  await createViews(db);
  return { migrations, configReloaded };
}
