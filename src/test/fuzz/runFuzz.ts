// `npm run fuzz -- --count N [--seed S] [--only I]`: the importers' fuzz test (importFuzz.ts) with more
// mutations than CI runs, or one mutation replayed. Prints each failure with the line that replays it,
// and exits 1 when there is one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../../db/database.ts';
import { initDatabase } from '../../config/initDatabase.ts';
import { cityConfigDir } from '../fixtureConfigs.ts';
import { fuzzImports, sampleSubjects } from './importFuzz.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, seed: { type: 'string' }, only: { type: 'string' } } });
const number = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    process.stderr.write(`--${name} ska vara ett heltal, inte "${text}"\n`);
    process.exit(2);
  }
  return Number(text);
};
const count = number('count', values.count)!;
const seed = number('seed', values.seed) ?? Date.now() % 1_000_000;
const only = number('only', values.only);

const dir = mkdtempSync(join(tmpdir(), 'beredskap-fuzz-'));
const db = await Database.open(join(dir, 'fuzz.duckdb'));
try {
  await initDatabase(db, cityConfigDir);
  const subjects = await sampleSubjects(db, dir);
  process.stdout.write(`fuzz: frö ${seed}, ${only === undefined ? `${count} mutationer` : `mutation ${only}`}\n`);
  const started = performance.now();
  const result = await fuzzImports(db, subjects, {
    seed, count, dir, only,
    onResult: (index, failure) => {
      if (failure) {
        process.stdout.write(`FEL i mutation ${index} (${failure.subject}): ${failure.fault}\n  ändringar: ${failure.done.join('; ')}\n  upprepa: npm run fuzz -- --seed ${seed} --only ${index}\n`);
      } else if ((index + 1) % 100 === 0) process.stdout.write(`  ${index + 1} …\n`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stdout.write(`${result.runs} mutationer på ${seconds} s: ${result.runs - result.refused} importerade, ${result.refused} avvisade som felaktiga, ${result.failures.length} fel; längsta import ${result.slowestSeconds.toFixed(1)} s.\n`);
  process.exitCode = result.failures.length ? 1 : 0;
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
