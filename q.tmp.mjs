import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create('/tmp/wt-labels/b.duckdb', { access_mode: 'READ_ONLY' });
const c = await i.connect();
for (const sql of process.argv.slice(2)) console.log(sql, JSON.stringify((await c.runAndReadAll(sql)).getRowObjectsJson()));
