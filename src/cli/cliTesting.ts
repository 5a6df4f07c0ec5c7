// Test support (not used by the CLI): the real `beredskap` command in a child process, as a user runs it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../paths.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node src/bin.js ARGS` in `cwd`, not on a terminal and with CI set, so no progress lines. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [join(projectRoot, 'src/bin.js'), ...args], {
    cwd: options.cwd ?? projectRoot,
    encoding: 'utf8',
    input: options.input,
    // A variable given as undefined is removed, not passed on as the text "undefined".
    env: Object.fromEntries(Object.entries({ ...process.env, CI: 'true', BEREDSKAP_PROFILE: undefined, ...options.env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The non-empty lines of an output. */
export const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
