import type { DuckDBAppender, DuckDBValue } from '@duckdb/node-api';
import type { Database } from './database.ts';

type Append = (appender: DuckDBAppender, value: DuckDBValue) => void;

// Typed appends for the common column types: appendValue infers a type for every single value, which
// dominated the import's time. Other types (dates given as text, lists) go through appendValue's cast.
const typedAppend: Record<string, Append> = {
  VARCHAR: (a, v) => a.appendVarchar(String(v)),
  INTEGER: (a, v) => a.appendInteger(Number(v)),
  BIGINT: (a, v) => a.appendBigInt(BigInt(v as number)),
  DOUBLE: (a, v) => a.appendDouble(Number(v)),
  BOOLEAN: (a, v) => a.appendBoolean(Boolean(v)),
};

/**
 * Bulk-loads rows through DuckDB's appender, inside whatever transaction is open: the set-based path
 * (one INSERT per row is two orders of magnitude slower). Each row lists values in the table's column
 * order; null appends NULL.
 */
export async function appendRows(db: Database, table: string, rows: Iterable<readonly DuckDBValue[]>): Promise<number> {
  const types = await db.all<{ data_type: string }>(
    `select data_type from duckdb_columns() where table_name = $1 order by column_index`,
    [table],
  );
  const appends = types.map((t): Append => typedAppend[t.data_type] ?? ((a, v) => a.appendValue(v)));
  const appender = await db.connection.createAppender(table);
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
