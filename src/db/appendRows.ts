import type { DuckDBValue } from '@duckdb/node-api';
import type { Database } from './database.ts';

/**
 * Bulk-loads rows through DuckDB's appender, inside whatever transaction is open: the set-based path
 * (one INSERT per row is two orders of magnitude slower). Values are cast to the column types by DuckDB,
 * so dates may come as 'YYYY-MM-DD' text. Each row lists values in the table's column order.
 */
export async function appendRows(db: Database, table: string, rows: Iterable<readonly DuckDBValue[]>): Promise<number> {
  const appender = await db.connection.createAppender(table);
  let n = 0;
  try {
    for (const row of rows) {
      for (const value of row) {
        if (value === null || value === undefined) appender.appendNull();
        else appender.appendValue(value);
      }
      appender.endRow();
      n++;
    }
  } finally {
    appender.closeSync();
  }
  return n;
}
