import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildProfile } from '../dashboard/profile.ts';
import { tempDir, townConfigDir, writeText } from '../test/helpers.ts';
import { forTerminal } from '../text/terminalText.ts';
import { lines, runCli, runMain } from './cliTesting.ts';
import { describeFailure, exitCodes } from './failure.ts';

const isRoot = process.getuid?.() === 0;

describe('usage errors: one Swedish line, "menade du", where to read more (exit 2)', () => {
  it('a misspelt command (the real command in a process of its own, as a user runs it)', () => {
    const r = runCli(['reprt', 'readiness']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['okänt kommando "reprt" – menade du report?', 'Se `beredskap help`.']);
    expect(r.stdout).toBe('');
  });

  it('a misspelt flag, in Swedish and not Node\'s English', async () => {
    const r = await runMain(['report', 'readiness', '--yaer', '2024']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['okänd flagga --yaer – menade du --year?', 'Se `beredskap help report`.']);
  });

  it('a misspelt report, a flag the command does not take, a flag without its value', async () => {
    expect(lines((await runMain(['report', 'readines'])).stderr)).toEqual(['okänd rapport "readines" – menade du readiness?', 'Se `beredskap help report`.']);
    const notHere = await runMain(['report', 'gaps', '--period', 'T1']);
    expect([notHere.code, lines(notHere.stderr)]).toEqual([2, ['flaggan --period gäller inte report', 'Se `beredskap help report`.']]);
    const noValue = await runMain(['import', 'oj', 'x.csv', '--year']);
    expect([noValue.code, lines(noValue.stderr)]).toEqual([2, ['flaggan --year behöver ett värde', 'Se `beredskap help import`.']]);
    const noSource = await runMain(['import', 'oh', 'x.csv']);
    expect(lines(noSource.stderr)[0]).toBe('okänd källa "oh" – menade du oj?');
  });

  it('help for one command on request (exit 0); an unknown topic is a usage error', async () => {
    const r = await runMain(['help', 'import']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Användning: beredskap import oj FIL…/);
    expect(r.stdout).toContain('--dry-run');
    expect((await runMain(['export', '--help'])).stdout).toMatch(/^Användning: beredskap export/);
    expect(lines((await runMain(['help', 'imprt'])).stderr)[0]).toBe('okänt kommando "imprt" – menade du import?');
  });
});

describe('failures of files and the machine: one line, a log for details, an exit code per kind', () => {
  const dir = tempDir();
  beforeEach(() => mkdirSync(dir, { recursive: true })); // tempDir removes it after each test
  // the fixture town, not the repository's data/
  const env = () => ({ BEREDSKAP_LOG: join(dir, 'fel.log'), BEREDSKAP_CONFIG: townConfigDir });

  it('names a missing file in plain Swedish, without the system\'s code (exit 1)', async () => {
    const r = await runMain(['import', 'oj', join(dir, 'finns-inte.xlsx'), '--db', join(dir, 'a.duckdb')], { env: env() });
    expect(r.code).toBe(exitCodes.badInput);
    expect(r.stderr).toContain(`${join(dir, 'finns-inte.xlsx')}: filen finns inte`);
    expect(r.stderr).not.toMatch(/ENOENT|Error|at /);
  });

  it('refuses a zip without workbook parts as bad input, not a crash (exit 1)', async () => {
    // A zip holding one stored file and no xl/workbook.xml: the bytes of `zip - hello.txt`.
    const name = Buffer.from('hello.txt');
    const data = Buffer.from('hej');
    const crc = 0x4b2ab3b1; // crc32("hej")
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(name.length, 28);
    const centralStart = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(centralStart, 16);
    const file = writeText(join(dir, 'inte-en-arbetsbok.xlsx'), Buffer.concat([local, name, data, central, name, end]));
    const r = await runMain(['import', 'oj', file, '--db', join(dir, 'a.duckdb')], { env: env() });
    expect(r.code).toBe(exitCodes.badInput);
    expect(r.stderr).toContain('inte-en-arbetsbok.xlsx: filen är ingen Excel-arbetsbok: den saknar arbetsbokens delar');
  });

  it('a database folder that cannot be created: one line, details in the log (exit 6)', async () => {
    writeFileSync(join(dir, 'en-fil'), 'x');
    const r = await runMain(['init', '--db', join(dir, 'en-fil', 'db', 'b.duckdb')], { env: env() });
    expect(r.code).toBe(exitCodes.environment);
    expect(lines(r.stderr)).toEqual([
      `katalogen ${join(dir, 'en-fil', 'db')} kan inte skapas: en del av sökvägen är en fil, inte en katalog.`,
      `Detaljer i ${join(dir, 'fel.log')}.`,
    ]);
    const log = readFileSync(join(dir, 'fel.log'), 'utf8');
    expect(log).toContain('beredskap init --db');
    expect(log).toMatch(/ENOTDIR[\s\S]*at /);
  });

  it('a read-only database file (exit 6)', async (test) => {
    const db = join(dir, 'ro.duckdb');
    expect((await runMain(['init', '--db', db], { env: env() })).code).toBe(0);
    // Root ignores file modes; the immutable attribute holds even for root, where the file system has it.
    const immutable = isRoot && spawnSync('chattr', ['+i', db]).status === 0;
    if (isRoot && !immutable) test.skip();
    if (!isRoot) chmodSync(db, 0o444);
    try {
      const r = await runMain(['init', '--db', db], { env: env() });
      expect(r.code).toBe(exitCodes.environment);
      expect(lines(r.stderr)).toEqual([`Databasen (${db}) kan inte skrivas: behörighet saknas.`, `Detaljer i ${join(dir, 'fel.log')}.`]);
    } finally {
      if (immutable) spawnSync('chattr', ['-i', db]);
    }
  });

  it('a read-only or full database, as DuckDB reports it, is the machine\'s state; anything unforeseen an internal fault', async () => {
    expect(describeFailure(new Error('IO Error: Cannot open file "/data/b.duckdb": Permission denied'))).toMatchObject({
      code: exitCodes.environment, lines: ['Databasen (/data/b.duckdb) kan inte skrivas: behörighet saknas.'],
    });
    expect(describeFailure(new Error('IO Error: Could not write file "/data/b.duckdb.wal": No space left on device')).lines[0]).toContain('disken är full');
    expect(describeFailure(new TypeError("Cannot read properties of undefined (reading 'rows')"))).toEqual({
      code: exitCodes.internal, log: true, lines: ["Internt fel: Cannot read properties of undefined (reading 'rows')"],
    });
  });

  it.skipIf(!existsSync('/proc/self'))('a folder where none can be made fails at once (Node\'s own recursive mkdir never returns under /proc)', async () => {
    const r = await runMain(['template', 'self-assessment', '--year', '2025', '--period', 'T1', '-o', '/proc/beredskap/mallar', '--db', join(dir, 'p.duckdb')], { env: env() });
    expect(r.code).toBe(exitCodes.environment);
    expect(lines(r.stderr)[0]).toBe('katalogen /proc/beredskap kan inte skapas: den eller katalogen den ligger i finns inte.');
  });

  it('a configuration folder that does not exist is one line, not one per file (exit 1)', async () => {
    const r = await runMain(['init', '--db', join(dir, 'q.duckdb'), '--config', join(dir, 'ingen-konfiguration')], { env: env() });
    expect([r.code, lines(r.stderr)]).toEqual([1, ['Inget har skrivits. Ett fel:', `  ${join(dir, 'ingen-konfiguration')}: konfigurationskatalogen finns inte (ange den med --config eller BEREDSKAP_CONFIG).`]]);
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk while writing an export (exit 6)', async () => {
    const db = join(dir, 'c.duckdb');
    writeText(join(dir, 'oj.csv'), 'ar;enhet;indikator;verksamhet;svar\n2024;Tallmossen;evakuering;sabo;Nej\n');
    expect((await runMain(['import', 'oj', join(dir, 'oj.csv'), '--db', db], { env: env() })).code).toBe(0);
    const r = await runMain(['export', '--format', 'xlsx', '-o', '/dev/full', '--db', db], { env: env() });
    expect(r.code).toBe(exitCodes.environment);
    expect(lines(r.stderr)[0]).toMatch(/disken är full\.$/);
  });

  it('a configuration value outside its range names file, row and column (exit 1)', async () => {
    const config = join(dir, 'config');
    cpSync(townConfigDir, config, { recursive: true, filter: (src) => !/\.duckdb|sample|raw/.test(src) });
    const targets = readFileSync(join(config, 'targets.csv'), 'utf8').split('\n');
    const row = targets.findIndex((l) => /^\d{4},/.test(l));
    const fields = targets[row]!.split(',');
    fields[4] = '150';
    targets[row] = fields.join(',');
    writeFileSync(join(config, 'targets.csv'), targets.join('\n'));
    const r = await runMain(['init', '--db', join(dir, 'd.duckdb'), '--config', config], { env: env() });
    expect(r.code).toBe(exitCodes.badInput);
    expect(r.stderr).toContain(`targets.csv, rad ${row + 1}, kolumn target_share: värdet ska ligga mellan 0 och 1 (en andel: 90 % skrivs 0.9) "150".`);
    expect(r.stderr).not.toContain('CHECK constraint');
  });

  it('BEREDSKAP_PROFILE whatever its case; a value it cannot be is said before any work (exit 2)', async () => {
    expect(buildProfile({ BEREDSKAP_PROFILE: 'Public' })).toBe('public');
    expect(buildProfile({ BEREDSKAP_PROFILE: ' INTERNAL ' })).toBe('internal');
    const r = await runMain(['build', '--db', join(dir, 'e.duckdb')], { env: { ...env(), BEREDSKAP_PROFILE: 'Publik' } });
    expect(r.code).toBe(exitCodes.usage);
    expect(lines(r.stderr)[0]).toBe('miljövariabeln BEREDSKAP_PROFILE ska vara public eller internal, inte "Publik"');
    expect(existsSync(join(dir, 'e.duckdb'))).toBe(false);
  });
});

describe('terminal escape injection', () => {
  const dir = tempDir();
  beforeEach(() => mkdirSync(dir, { recursive: true }));
  const hostile = '\x1b[2J\x1b[32mAllt OK\x07\x1b]0;titel\x07';

  it('strips ESC, BEL and other control characters, keeping line breaks and tabs', async () => {
    expect(forTerminal(`a${hostile}\tb\nc\r\u009b\u202e`)).toBe('a[2J[32mAllt OK]0;titel\tb\nc');
    expect(forTerminal('År;Enhet\r\n2024;Farsta\r\n')).toBe('År;Enhet\r\n2024;Farsta\r\n');
  });

  it('from error messages and from `sources`', async () => {
    const db = join(dir, 'x.duckdb');
    const bad = writeText(join(dir, `bad${hostile}.csv`), `ar;enhet;indikator;verksamhet;svar\n2024;${hostile};evakuering;sabo;Ja\n`);
    const env = { BEREDSKAP_CONFIG: townConfigDir };
    const refused = await runMain(['import', 'oj', bad, '--db', db], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Allt OK');
    expect(refused.stderr).not.toMatch(/[\x07\x1b]/);
    const good = writeText(join(dir, `ok${hostile}.csv`), 'ar;enhet;indikator;verksamhet;svar\n2024;Tallmossen;evakuering;sabo;Ja\n');
    expect((await runMain(['import', 'oj', good, '--db', db], { env })).code).toBe(0);
    const sources = await runMain(['sources', '--db', db], { env });
    expect(sources.stdout).toContain('Allt OK');
    expect(sources.stdout).not.toMatch(/[\x07\x1b]/);
  });
});
