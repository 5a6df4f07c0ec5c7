import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept under src/test/ because the repository's top level is fixed; run-tests.js points vitest here.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['src/**/*.test.ts', 'loaders/**/*.test.ts', 'docs/**/*.test.ts'],
    // A command a test runs without --config reads the tests' configuration, never the repository's data/,
    // which a city edits (the tests of data/ itself name it).
    env: { BEREDSKAP_CONFIG: fileURLToPath(new URL('fixtures/config', import.meta.url)) },
    // Initialises one database per fixture configuration, which the tests copy (src/test/helpers.ts).
    globalSetup: ['src/test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two workers for two cores; the default pool, forks, and isolation kept: tests set process.env and
    // hold DuckDB's native module, so each file gets a process of its own. A third worker only adds to
    // the site test's Chromium and Framework builds, which are processes of their own besides.
    maxWorkers: 2,
  },
});
