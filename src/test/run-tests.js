// `npm test` after the type check: runs vitest and ends with the one line CI reads,
// "tests: N passed, N failed", taken from vitest's JSON report. Exit code is vitest's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'beredskap-vitest-'));
const report = join(dir, 'report.json');
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'src/test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', OBSERVABLE_TELEMETRY_DISABLE: 'true' } },
);
// The counts are vitest's own: its "Tests" line, and the failed files of its "Test Files" line (a file
// that failed before any test ran, an import error or a failing beforeAll, fails no test of its own).
// Skipped tests are named by file and describe block above the last line, so a run without a browser
// says so where it is read, not only in a warning scrolled far up.
let passed = 0;
let failed = 0;
let skipped = 0;
let failedFiles = 0;
const skippedLines = [];
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  failedFiles = json.testResults.filter((f) => f.status === 'failed').length;
  for (const file of json.testResults.filter((f) => f.status !== 'failed')) {
    const groups = new Map();
    for (const test of file.assertionResults.filter((t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo')) {
      const where = [relative(process.cwd(), file.name), ...test.ancestorTitles].join(' › ');
      groups.set(where, (groups.get(where) ?? 0) + 1);
    }
    for (const [where, n] of groups) skippedLines.push(`hoppades över: ${where} (${n} ${n === 1 ? 'test' : 'tester'})`);
  }
} catch {
  failedFiles = 1;
}
rmSync(dir, { recursive: true, force: true });
for (const line of skippedLines) console.log(line);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${failedFiles ? `, ${failedFiles} test files failed` : ''}`);
process.exit(result.status === 0 && failed === 0 && failedFiles === 0 ? 0 : 1);
