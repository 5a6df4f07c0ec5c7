import { DuckDBTypeId, type DuckDBAppender, type DuckDBValue } from '@duckdb/node-api';
import type { Database } from './database.ts';

type Append = (appender: DuckDBAppender, value: DuckDBValue) => void;

// Typed appends for the common column types: appendValue infers a type for every single value, which
// dominated the import's time. Other types (dates given as text, lists) go through appendValue's cast.
const typedAppend: Partial<Record<DuckDBTypeId, Append>> = {
  [DuckDBTypeId.VARCHAR]: (a, v) => a.appendVarchar(String(v)),
  [DuckDBTypeId.INTEGER]: (a, v) => a.appendInteger(Number(v)),
  [DuckDBTypeId.BIGINT]: (a, v) => a.appendBigInt(BigInt(v as number)),
  [DuckDBTypeId.DOUBLE]: (a, v) => a.appendDouble(Number(v)),
  [DuckDBTypeId.BOOLEAN]: (a, v) => a.appendBoolean(Boolean(v)),
};

/**
 * Bulk-loads rows through DuckDB's appender, inside whatever transaction is open: the set-based path
 * (one INSERT per row is two orders of magnitude slower). Each row lists values in the table's column
 * order; null appends NULL.
 */
export async function appendRows(db: Database, table: string, rows: Iterable<readonly DuckDBValue[]>): Promise<number> {
  const appender = await db.connection.createAppender(table);
  // The appender knows the table's column types (asking the catalog cost a scan of every column of
  // every table, per call).
  const appends = Array.from({ length: appender.columnCount }, (_, i): Append => typedAppend[appender.columnType(i).typeId] ?? ((a, v) => a.appendValue(v)));
  let n = 0;
  try {
    for (const row of rows) {
      row.forEach((value, i) => {
        if (value === null || value === undefined) appender.appendNull();
        else appends[i]!(appender, value);
      });
      appender.endRow();
      n++;
    }
  } finally {
    appender.closeSync();
  }
  return n;
}
