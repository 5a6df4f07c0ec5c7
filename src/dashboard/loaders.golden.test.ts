// Every dashboard data loader (docs/data/*) run as Framework runs it — a node child process on the sample
// database — and compared with the reviewed golden summary in src/dashboard/golden/loaders.json: per
// output file and key, the number of rows, the first row, and per column the sum of its numbers or the
// number of its distinct texts, so that a diff of the golden file says what changed (which column of
// which list), not only that something did; for the nämnd pages' archive, per page and key the rows and
// the sum of their numbers. No browser.
// After a deliberate change, regenerate and review the diff:
//   UPDATE_GOLDEN=1 TZ=UTC npx vitest run --config src/test/vitest.config.ts src/dashboard/loaders.golden.test.ts
// The full outputs of the last run are left in test-results/loaders/ to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromColumns } from '../present/columns.js';
import { projectRoot } from '../paths.ts';
import { tempDir } from '../test/helpers.ts';
import { loaderFiles, loaderFilesOf, readDataFile, runLoader, untar } from '../test/loaderOutputs.ts';
import { openSampleDb } from '../test/sharedSample.ts';
import { zipParts } from '../test/zipParts.ts';

const goldenPath = join(projectRoot, 'src/dashboard/golden/loaders.json');
const outDir = join(projectRoot, 'test-results/loaders');
// When the sample was imported is the one thing that differs from run to run.
const volatile = new Set(['imported_at', 'latest_import']);

type Summary = Record<string, unknown>;

const round = (n: number) => Math.round(n * 1e4) / 1e4;
const numbersIn = (value: unknown): number[] =>
  typeof value === 'number' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(numbersIn) : [];

/** Per column of a list of rows: the sum of its numbers ("Σ 123.4"), else how many distinct values it holds. */
function columnsOf(rows: Record<string, unknown>[]): Record<string, string> {
  const names = [...new Set(rows.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))];
  return Object.fromEntries(names.map((name) => {
    const values = rows.map((r) => r?.[name]);
    const numbers = values.filter((v): v is number => typeof v === 'number');
    return [name, numbers.length && numbers.length === values.filter((v) => v !== null && v !== undefined).length
      ? `Σ ${round(numbers.reduce((a, b) => a + b, 0))}`
      : `${new Set(values.map((v) => JSON.stringify(v))).size} olika`];
  }));
}

/** Per key: a list as its row count, first row and columns; anything else as it is. */
function summarise(output: Record<string, unknown>): Summary {
  return Object.fromEntries(Object.entries(output).map(([key, value]) => [
    key,
    Array.isArray(value) ? { rows: value.length, first: outline(value[0] ?? null), columns: columnsOf(value as Record<string, unknown>[]) } : value,
  ]));
}

/** An annual follow-up document (annualDocument.js) by its year and sections, each with its counts; any other row as it is. */
function outline(row: unknown): unknown {
  const doc = row as { year?: number; sections?: { title: string; sentences: unknown[]; tables: { rows: unknown[] }[]; paragraphs: unknown[] }[] } | null;
  if (!doc?.sections) return row;
  return {
    year: doc.year,
    sections: doc.sections.map((s) => `${s.title}: ${s.sentences.length} meningar, tabellrader ${s.tables.map((t) => t.rows.length).join('+') || 0}, ${s.paragraphs.length} stycken`),
  };
}

/** An archive member (one of many nämnd pages), shorter: per list one line, its rows and the sum of its numbers. */
function summariseMember(output: Record<string, unknown>): Summary {
  return Object.fromEntries(Object.entries(output).filter(([, value]) => Array.isArray(value)).map(([key, value]) => [
    key,
    `${(value as unknown[]).length} rader, Σ ${round(numbersIn(value).reduce((a, b) => a + b, 0))}`,
  ]));
}

/**
 * Two runs of a loader wrote the same: byte for byte, except a Word file's docProps/core.xml, which
 * holds the time it was made (every other part of it byte for byte).
 */
async function sameOutput(path: string, a: Buffer, b: Buffer): Promise<boolean> {
  if (!path.endsWith('.tar')) return a.equals(b);
  const [x, y] = await Promise.all([untar(a), untar(b)]);
  return x.length === y.length && x.every(([name, bytes], i) => {
    if (name !== y[i]![0]) return false;
    if (!name.endsWith('.docx')) return bytes.equals(y[i]![1]);
    const [p, q] = [zipParts(bytes), zipParts(y[i]![1])];
    return p.size === q.size && [...p].every(([part, content]) => part === 'docProps/core.xml' || q.get(part)?.equals(content));
  });
}

/** A downloadable file, summarised so that its import time (in its text) does not change the summary. */
function downloadSummary(name: string, bytes: Buffer): Summary {
  if (name.endsWith('.md')) return { markdown: bytes.toString('utf8').split('\n').filter((l) => l.startsWith('#')) };
  return { bytes: bytes.length > 0 ? 'inte tom' : 'tom', zip: bytes.subarray(0, 2).toString('latin1') === 'PK' };
}

// Archives of one file per page (a nämnd's), built per profile and summarised short; any other archive
// holds one page's files (its latest year, earlier years on demand), summarised in full like a JSON file.
const perPageArchives = new Set(['namnd.tar.js']);

const stableKey = (key: string, value: unknown) => (volatile.has(key) && value !== null ? '<tid>' : value);

describe('dashboard loaders on the sample database', () => {
  const dir = tempDir();
  const actual: Record<string, Summary> = {};
  /** Each loader's whole output in the public profile, by the path Framework caches it under. */
  const publicOutputs = new Map<string, Buffer>();
  beforeAll(async () => {
    (await openSampleDb(join(dir, 'test.duckdb'))).close();
    mkdirSync(outDir, { recursive: true });
    for (const loader of loaderFiles()) {
      const perPage = perPageArchives.has(loader);
      for (const profile of perPage ? ['public', 'internal'] as const : ['public'] as const) {
        const stdout = await runLoader(loader, join(dir, 'test.duckdb'), profile);
        if (profile === 'public') publicOutputs.set(`data/${loader.replace(/\.js$/, '')}`, stdout);
        for (const [name, bytes] of await loaderFilesOf(loader, stdout)) {
          const key = profile === 'public' ? name : `${name} (${profile})`;
          writeFileSync(join(outDir, key.replace(/[/ ()]/g, '_')), bytes);
          if (!name.endsWith('.json')) {
            // A file to download (the annual follow-up as Word and Markdown): what it is and its headings.
            actual[key] = downloadSummary(name, bytes);
            continue;
          }
          // Read as the page reads it: lists written by column (src/present/columns.js) back as rows.
          const output = readDataFile(bytes, stableKey);
          actual[key] = perPage ? summariseMember(output) : summarise(output);
        }
      }
    }
    if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, `${JSON.stringify(actual, null, 1)}\n`);
  }, 600_000);

  it('the build\'s warm-up leaves every loader\'s output, byte for byte, where Framework\'s cache looks for it', async () => {
    const cache = join(dir, 'cache');
    execFileSync(process.execPath, [join(projectRoot, 'src/dashboard/warmLoaders.js'), projectRoot, cache], {
      cwd: projectRoot,
      env: { ...process.env, BEREDSKAP_DB: join(dir, 'test.duckdb'), BEREDSKAP_PROFILE: 'public' },
    });
    expect(publicOutputs.size).toBeGreaterThan(5);
    for (const [path, bytes] of publicOutputs) expect({ path, same: await sameOutput(path, readFileSync(join(cache, path)), bytes) }).toEqual({ path, same: true });
  });

  it('every loader writes what the reviewed golden summary says', () => {
    const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, Summary>;
    expect(Object.keys(actual).sort()).toEqual(Object.keys(golden).sort());
    for (const [file, summary] of Object.entries(golden)) expect({ file, ...actual[file] }).toEqual({ file, ...summary });
  });

  it('a public build carries no self-assessment free text, owners or dates, and no säkerhetsskydd requirement', () => {
    for (const [file, summary] of Object.entries(actual)) {
      if (!file.startsWith('namnd/') || file.endsWith('(internal)')) continue;
      const full = JSON.parse(readFileSync(join(outDir, file.replace(/[/ ()]/g, '_')), 'utf8')) as { selfGaps: Record<string, unknown>[] };
      for (const gap of full.selfGaps) {
        expect({ file, comment: gap.comment, planned_action: gap.planned_action, owner: gap.owner, due_date: gap.due_date }).toEqual({ file, comment: null, planned_action: null, owner: null, due_date: null });
        expect(gap.fokusomrade).not.toBe('sakerhetsskydd');
      }
      expect(summary).toBeDefined();
    }
    // the internal build does carry them, so the check above can fail
    const internal = Object.keys(actual).filter((f) => f.endsWith('(internal)')).flatMap((f) =>
      (JSON.parse(readFileSync(join(outDir, f.replace(/[/ ()]/g, '_')), 'utf8')) as { selfGaps: Record<string, unknown>[] }).selfGaps);
    expect(internal.some((g) => g.comment !== null)).toBe(true);
    expect(internal.some((g) => g.fokusomrade === 'sakerhetsskydd')).toBe(true);
  });

  it('public nämnd and bolag pages carry no säkerhetsskydd figure of their own, internal ones do', () => {
    const members = (suffix: string) => Object.keys(actual).filter((f) => f.startsWith('namnd/') && (suffix ? f.endsWith(suffix) : !f.endsWith(')')));
    const text = (file: string) => readFileSync(join(outDir, file.replace(/[/ ()]/g, '_')), 'utf8');
    // the town's 8 stadsdelsnämnder (5, merged and split into 3), the kommunstyrelse, 4 facknämnder and 3 bolag
    expect(members('').length).toBe(16);
    expect(members('').filter((f) => text(f).includes('"sakerhetsskydd"'))).toEqual([]);
    // at least the 14 with self-assessments (all but Hamnen and Kvarnbacken, merged in 2019)
    expect(members('(internal)').filter((f) => text(f).includes('"sakerhetsskydd"')).length).toBeGreaterThanOrEqual(14);
    // samtliga pools säkerhetsskydd with the other goals: only the unit's own judgement is public
    for (const f of members('')) {
      for (const g of (JSON.parse(text(f)) as { goals: Record<string, unknown>[] }).goals.filter((g) => g.goal === 'samtliga')) {
        expect({ f, share: g.beraknad_andel_uppfyllt, n: g.n_applicable, grade: g.beraknad_maluppfyllelse, motivering: g.motivering })
          .toEqual({ f, share: null, n: null, grade: null, motivering: null });
      }
    }
  });

  it('gives the socialnämnd the ÖJ gaps it is responsible for, with the reason and who answered, shared cells on both lists, and bolag their pages', () => {
    const page = (unit: string) => JSON.parse(readFileSync(join(outDir, `namnd_${unit}.json`), 'utf8')) as {
      unit: { unit_group: string }; counts: { year: number; n_oj_answered: number; n_oj_responsible: number; n_oj_open: number | null }[];
      ojGaps: { year: number; role: string; owner_reason: string; answering_unit_id: string; indicator_id: string; is_shared: boolean; shared_with: string | null }[];
    };
    const social = page('social-och-arbetsmarknadsnamnden');
    const withOj = social.counts.filter((c) => c.n_oj_responsible > 0);
    expect(withOj.length).toBeGreaterThan(0);
    expect(withOj.every((c) => c.n_oj_answered === 0)).toBe(true);
    expect(social.ojGaps.length).toBeGreaterThan(0);
    expect(social.ojGaps.every((g) => g.role === 'ansvarar' && g.owner_reason && g.answering_unit_id !== 'social-och-arbetsmarknadsnamnden')).toBe(true);
    // its count is its list
    for (const c of withOj) expect([c.year, c.n_oj_open]).toEqual([c.year, social.ojGaps.filter((g) => g.year === c.year).length]);
    // a shared cell is on the answering stadsdelsnämnd's own list too, naming the socialnämnd
    const shared = social.ojGaps.find((g) => g.is_shared)!;
    expect(page(shared.answering_unit_id).ojGaps).toEqual(expect.arrayContaining([
      expect.objectContaining({ year: shared.year, indicator_id: shared.indicator_id, role: 'egen', shared_with: expect.stringContaining('Social- och arbetsmarknadsnämnden') }),
    ]));
    expect(page('alvviks-stadshus-ab').unit.unit_group).toBe('bolag');
    expect(page('alvvikshem').unit.unit_group).toBe('bolag');
  });

  it('shows the town\'s fifth fokusområde wherever it shows the four of data/ (a public build leaves out only säkerhetsskydd per unit)', () => {
    const read = (file: string) => readDataFile(readFileSync(join(outDir, file))) as Record<string, Record<string, unknown>[]>;
    const fokusOf = (rows: Record<string, unknown>[], column = 'fokusomrade') => [...new Set(rows.map((r) => r[column]).filter((f) => f !== null && f !== 'samtliga'))].sort();
    const all = ['beredskap', 'forsorjning', 'olycksforebyggande', 'personsakerhet', 'sakerhetsskydd'];
    expect(fokusOf(read('meta.json').fokusomraden)).toEqual(all);
    const method = read('method.json');
    expect([fokusOf(method.crosswalk), fokusOf(method.targets)]).toEqual([all, all]);
    // ÖJ's upphandling counts towards it, so ÖJ questions carry it too
    expect(fokusOf(method.indicators, 'fokusomrade_title')).toContain('Försörjningsberedskap');
    expect(fokusOf(read('overview.json').readiness)).toEqual(all.filter((f) => f !== 'sakerhetsskydd'));
    expect(fokusOf(read('overview.json').goalsCity)).toEqual(all);
    expect(fokusOf(read('goals.json').thresholds)).toEqual(all);
    // Stadsledning is public: the nämnder's judgement of every goal, but no säkerhetsskydd requirement
    const leadership = read('leadership.json');
    expect([fokusOf(leadership.attainment, 'goal'), fokusOf(leadership.requirements)]).toEqual([all, all.filter((f) => f !== 'sakerhetsskydd')]);
  });

  it('ÖJ-svar: the city-wide trend starts a new segment at each series break, and ranks questions by Nej or no answer', () => {
    const oj = fromColumns(JSON.parse(readFileSync(join(outDir, 'oj_latest.json'), 'utf8'))) as {
      breakYears: number[]; cityShares: { year: number; segment: number; n_units: number }[];
      questionRank: { year: number; rank: number; n_weak: number; n_units: number; n_nej: number; n_unanswered: number; n_no_row: number }[];
    };
    expect(oj.breakYears.length).toBeGreaterThan(0);
    for (const [before, after] of oj.cityShares.slice(1).map((r, i) => [oj.cityShares[i], r])) {
      expect({ year: after.year, newSegment: after.segment !== before.segment }).toEqual({ year: after.year, newSegment: oj.breakYears.includes(after.year) });
    }
    const latest = oj.questionRank.filter((r) => r.year === oj.cityShares.at(-1)!.year);
    expect(latest[0].rank).toBe(1);
    for (const r of latest) expect(r.n_weak).toBe(r.n_nej + r.n_unanswered + r.n_no_row);
    expect(latest.map((r) => r.n_weak)).toEqual([...latest.map((r) => r.n_weak)].sort((a, b) => b - a));
    expect(latest.every((r) => r.n_units === oj.cityShares.at(-1)!.n_units)).toBe(true);
  });

  it('ÖJ-svar: a unit split in two continues under both its successors, a merged one under the one', () => {
    const { units } = fromColumns(JSON.parse(readFileSync(join(outDir, 'oj_latest.json'), 'utf8'))) as { units: { unit_id: string; successor_ids: string | null }[] };
    const successors = Object.fromEntries(units.map((u) => [u.unit_id, u.successor_ids]));
    expect(successors).toEqual({
      hamnen: 'hamnen-kvarnbacken', kvarnbacken: 'hamnen-kvarnbacken', ekudden: 'strandvallen', mossen: 'strandvallen|tallmossen', tallbo: 'tallmossen',
      'hamnen-kvarnbacken': null, strandvallen: null, tallmossen: null,
    });
  });
});
