/**
 * The CLI's one top-level handler: every error that reaches it becomes a Swedish message and an exit
 * code that tells bad input (1) and a bad command line (2) from the machine's state (6: a folder that
 * cannot be written, a full disk, a read-only database) and from a fault of the tool itself (70). The
 * last two also leave their details (stack, command line) in a log file that the message names.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DatabaseBusyError, NotADatabaseError } from '../db/database.ts';
import { fileSystemMessage, isErrno } from '../imports/fileErrors.ts';
import { InputError, formatProblem } from '../text/problems.ts';
import { projectRoot } from '../paths.ts';
import { CommandUsageError, EmptySelectionError } from '../text/usageError.ts';
import { UsageError, seeHelp } from './commandLine.ts';

/**
 * Exit codes: 0 success, 1 bad input (nothing written), 2 usage error, 3 database busy; for pull also
 * 4 a source could not be reached (cached files used), 5 a source answered with something unusable;
 * 6 a file or folder cannot be read or written (permissions, read-only, disk full); 70 internal fault.
 */
export const exitCodes = { ok: 0, badInput: 1, usage: 2, busy: 3, offline: 4, sourceFailed: 5, environment: 6, internal: 70 } as const;

export interface Failure {
  code: number;
  /** What the user reads on stderr. */
  lines: string[];
  /** Worth a log entry: the details a developer needs are not in the message. */
  log: boolean;
}

// DuckDB reports the file system's refusals as "IO Error: … <strerror>", with no errno to go by.
const duckIoReasons: [RegExp, string][] = [
  [/No space left on device/i, 'disken är full'],
  [/Read-only file system/i, 'filsystemet är skrivskyddat'],
  [/Permission denied|Operation not permitted/i, 'behörighet saknas'],
  [/read-only mode|database is read-only|Cannot .* in read-only/i, 'databasen är öppnad skrivskyddad'],
  [/Disk quota exceeded/i, 'diskkvoten är slut'],
];

export function describeFailure(error: unknown, command?: string): Failure {
  if (error instanceof InputError) {
    const n = error.problems.length;
    return { code: exitCodes.badInput, log: false, lines: [`Inget har skrivits. ${n === 1 ? 'Ett fel' : `${n} fel`}:`, ...error.problems.map((p) => `  ${formatProblem(p)}`)] };
  }
  if (error instanceof EmptySelectionError) return { code: exitCodes.badInput, log: false, lines: [error.message] };
  if (error instanceof DatabaseBusyError) return { code: exitCodes.busy, log: false, lines: [error.message] };
  if (error instanceof NotADatabaseError) return { code: exitCodes.usage, log: false, lines: [error.message] };
  if (error instanceof UsageError) return { code: exitCodes.usage, log: false, lines: [error.message, seeHelp(error.command ?? command)] };
  if (error instanceof CommandUsageError) return { code: exitCodes.usage, log: false, lines: [error.message, seeHelp(command)] };
  if (isErrno(error) && error.code !== 'ERR_INTERNAL') {
    if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'ENOENT', 'EEXIST', 'EMFILE'].includes(error.code!)) {
      return { code: exitCodes.environment, log: true, lines: [`${fileSystemMessage(error)}.`] };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/IO Error/i.test(message)) {
    const reason = duckIoReasons.find(([pattern]) => pattern.test(message))?.[1];
    const file = /"([^"]+)"/.exec(message)?.[1];
    if (reason) return { code: exitCodes.environment, log: true, lines: [`Databasen${file ? ` (${file})` : ''} kan inte skrivas: ${reason}.`] };
  }
  return { code: exitCodes.internal, log: true, lines: [`Internt fel: ${message.split('\n')[0]}`] };
}

/** Where details go: BEREDSKAP_LOG, else data/beredskap-fel.log, else the temp folder when data/ is not writable. */
export function logPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BEREDSKAP_LOG ?? join(projectRoot, 'data', 'beredskap-fel.log'));
}

/** Appends the error with its stack and command line; the path written, or undefined if nowhere could be. */
export function writeFailureLog(error: unknown, argv: string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const entry = [
    `--- ${new Date().toISOString()} beredskap ${argv.join(' ')}`,
    error instanceof Error ? (error.stack ?? error.message) : String(error),
    ...(error instanceof Error && error.cause ? [`orsak: ${String((error.cause as Error).stack ?? error.cause)}`] : []),
    '',
  ].join('\n');
  for (const path of [logPath(env), join(tmpdir(), 'beredskap-fel.log')]) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      appendFileSync(path, entry);
      return path;
    } catch {
      // A full disk or read-only folder is often the very error being logged: try the next place.
    }
  }
  return undefined;
}
