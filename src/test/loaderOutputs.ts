// The dashboard's data as a built page reads it: every loader of docs/data run as Framework runs it (a
// node child process on a database, in a build profile), archives unpacked, lists written by column read
// back as rows. Shared by the tests that compare what pages show with what reports and exports say.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import { fromColumns } from '../present/columns.js';
import { projectRoot } from '../paths.ts';

export const loadersDir = join(projectRoot, 'docs/data');

/** The loader files of docs/data, sorted. */
export const loaderFiles = (): string[] => readdirSync(loadersDir).filter((f) => f.endsWith('.js')).sort();

/** The members of a tar archive, as Framework reads the archive loaders' output (tar-stream). */
export async function untar(bytes: Buffer): Promise<[string, Buffer][]> {
  const files: [string, Buffer][] = [];
  const archive = extract();
  archive.end(bytes);
  for await (const entry of archive) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk);
    files.push([entry.header.name, Buffer.concat(chunks)]);
  }
  return files;
}

/** One loader's raw output (stdout) on `dbPath` in `profile`. */
export async function runLoader(loader: string, dbPath: string, profile: 'public' | 'internal'): Promise<Buffer> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(loadersDir, loader)], {
    cwd: projectRoot,
    env: { ...process.env, BEREDSKAP_DB: dbPath, BEREDSKAP_PROFILE: profile },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'buffer',
  });
  return stdout;
}

/**
 * A loader's output as the files a page fetches: `data/NAME` for a JSON loader, `data/NAME/MEMBER` for
 * each member of an archive loader, with their bytes.
 */
export async function loaderFilesOf(loader: string, stdout: Buffer): Promise<[string, Buffer][]> {
  const base = loader.replace(/\.js$/, '');
  if (!base.endsWith('.tar')) return [[base, stdout]];
  return (await untar(stdout)).map(([name, bytes]) => [`${base.replace(/\.tar$/, '')}/${name}`, bytes]);
}

/** A data file's content as a page reads it: JSON, lists written by column back as rows. */
export const readDataFile = (bytes: Buffer, reviver?: (key: string, value: unknown) => unknown): Record<string, unknown> =>
  fromColumns(JSON.parse(bytes.toString('utf8'), reviver)) as Record<string, unknown>;

/**
 * The data files of `loaders` (every loader of docs/data unless named) on `dbPath` in `profile`: file
 * name → content as a page reads it. Two loaders run at a time, as separate processes the way Framework
 * runs them. The files a page offers to download (Årsuppföljning's .docx and .md) are renderings of a
 * JSON file beside them (src/annual) and are left out here.
 */
export async function dashboardData(dbPath: string, profile: 'public' | 'internal', loaders = loaderFiles()): Promise<Map<string, Record<string, unknown>>> {
  const outputs = new Map<string, Buffer>();
  const queue = [...loaders];
  const lane = async () => {
    for (let loader = queue.shift(); loader; loader = queue.shift()) outputs.set(loader, await runLoader(loader, dbPath, profile));
  };
  await Promise.all([lane(), lane()]);
  const data = new Map<string, Record<string, unknown>>();
  for (const loader of loaders) {
    for (const [name, bytes] of await loaderFilesOf(loader, outputs.get(loader)!)) {
      if (name.endsWith('.json') || !name.includes('.')) data.set(name, readDataFile(bytes));
    }
  }
  return data;
}
