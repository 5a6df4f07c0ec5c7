import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.ts';
import { logicSuffix, readViewFiles } from '../db/views.ts';
import { sqlDir } from '../paths.ts';

export interface ViewCheck {
  name: string;
  sql: string;
}

/** Uniqueness of each view's grain, read from the "Grain: (…)" line of its header comment. */
export function grainChecks(): ViewCheck[] {
  return readdirSync(sqlDir)
    .filter((f) => f.endsWith('.sql') && f !== 'macros.sql')
    .flatMap((file) => {
      const view = file.replace(/\.sql$/, '');
      const header = readFileSync(join(sqlDir, file), 'utf8').split('\n').filter((l) => l.startsWith('--')).map((l) => l.slice(2)).join(' ');
      const grain = /Grain:\s*\(([^)]*)\)/.exec(header)?.[1];
      if (grain === undefined) throw new Error(`${file}: the header comment names no grain ("Grain: (…)")`);
      const columns = grain.split(',').map((c) => c.trim()).filter((c) => c !== '');
      return [{
        name: columns.length ? `${view}: en rad per (${columns.join(', ')})` : `${view}: exakt en rad`,
        // Grain () is a view of one row.
        sql: columns.length
          ? `select ${columns.join(', ')}, count(*)::integer as n from ${view} group by all having count(*) > 1`
          : `select count(*)::integer as n from ${view} having count(*) <> 1`,
      }];
    });
}

/** The named queries in src/sql/tests/*.sql ("-- check: name" above each). */
export function declaredChecks(): ViewCheck[] {
  const dir = join(sqlDir, 'tests');
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split(/^-- check: /m)
      .slice(1)
      .map((chunk) => {
        const [name, ...body] = chunk.split('\n');
        return { name: name!.trim(), sql: body.join('\n').trim().replace(/;\s*$/, '') };
      }),
  );
}

/** Each materialised view's table holds exactly what its logic computes now (no stale refresh). */
export function materialisedChecks(): ViewCheck[] {
  return readViewFiles().views.filter((v) => v.materialised).map((v) => ({
    name: `${v.name}: tabellen är lika med sin vy ${v.name}${logicSuffix}`,
    sql: `(select * from ${v.name} except all select * from ${v.name}${logicSuffix})
          union all (select * from ${v.name}${logicSuffix} except all select * from ${v.name})`,
  }));
}

/** Runs every check; returns the ones that found offending rows, with a few of those rows. */
export async function runViewChecks(db: Database): Promise<{ name: string; offending: unknown[] }[]> {
  const failures = [];
  for (const check of [...grainChecks(), ...declaredChecks(), ...materialisedChecks()]) {
    const offending = await db.all(`${check.sql} limit 5`);
    if (offending.length) failures.push({ name: check.name, offending });
  }
  return failures;
}
