import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { projectRoot } from '../src/paths.ts';
import { tempPathFor, type Validators } from './http.ts';

/** Where downloaded sources are kept: data/raw/, or env BEREDSKAP_RAW_DIR. */
export function defaultRawDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BEREDSKAP_RAW_DIR ?? resolve(projectRoot, 'data/raw'));
}

/** Writes a file through a temp file in the same directory, so a reader never sees half of it. */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes what a pull killed mid-download left in `dir`: part files (`.NAME.part-PID-…`) and Kolada work
 * directories (`.kolada-PID-…`) whose process no longer runs. Another running pull's are left alone.
 */
export function removeStaleParts(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const pid = /\.part-(\d+)-[0-9a-f]+$/.exec(name)?.[1] ?? /^\.kolada-(\d+)-/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** What we know of one downloaded file: where it came from, its validators, and its content hash. */
export interface DownloadState extends Validators {
  url: string;
  sha256: string;
  bytes: number;
  fetchedAt: string;
}

/**
 * The download state lives in a JSON file beside the files it describes (not in the database): it is
 * true of exactly those files, so deleting or moving the raw directory takes it along, and rebuilding
 * the database (e.g. from sample data) does not forget what is already on disk.
 */
export class StateFile {
  private readonly entries: Record<string, DownloadState>;

  constructor(readonly path: string) {
    let entries: Record<string, DownloadState> = {};
    if (existsSync(path)) {
      try {
        entries = JSON.parse(readFileSync(path, 'utf8')) as Record<string, DownloadState>;
      } catch {
        // A damaged state file only costs full downloads instead of conditional ones.
        entries = {};
      }
    }
    this.entries = entries;
  }

  get(name: string): DownloadState | undefined {
    return this.entries[name];
  }

  set(name: string, state: DownloadState): void {
    this.entries[name] = state;
    writeFileAtomic(this.path, `${JSON.stringify(this.entries, null, 2)}\n`);
  }
}
