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

/**
 * The same command line run in this process through main(), its output gathered: what a subprocess
 * would show, without starting node and tsx again for each command (most of a CLI test's time). For
 * what needs a process of its own – a second writer, a kill, stdin – use runCli. `cwd` and `env` hold
 * for the command only.
 */
export async function runMain(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  const { main } = await import('./main.ts');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const env = { CI: 'true', BEREDSKAP_PROFILE: undefined, ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const cwd = process.cwd();
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(args, (t) => stdout.push(`${t}\n`), (t) => stderr.push(`${t}\n`));
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.chdir(cwd);
    set(saved);
  }
}
