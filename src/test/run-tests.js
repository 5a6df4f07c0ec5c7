// `npm test` after the type check: runs vitest and ends with the one line CI reads,
// "tests: N passed, N failed", taken from vitest's JSON report. Exit code is vitest's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'beredskap-vitest-'));
const report = join(dir, 'report.json');
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'src/test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', OBSERVABLE_TELEMETRY_DISABLE: 'true' } },
);
// The counts are vitest's own (its "Tests" line); a test file that failed before any test ran (an import
// error, a failing beforeAll) is named separately, not added to the tests.
let passed = 0;
let failed = 0;
let skipped = 0;
let failedFiles = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  failedFiles = json.numFailedTestSuites ?? 0;
} catch {
  failedFiles = 1;
}
rmSync(dir, { recursive: true, force: true });
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${failedFiles ? `, ${failedFiles} test files failed` : ''}`);
process.exit(result.status === 0 && failed === 0 && failedFiles === 0 ? 0 : 1);
