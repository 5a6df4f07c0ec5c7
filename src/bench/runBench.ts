/**
 * `npm run bench`: how our ÖJ import compares with DuckDB reading the same bytes on its own, and how
 * long a national-size workbook takes to parse. Prints numbers only; nothing here asserts a time,
 * since machines differ and the ratio is what says whether the import has become needlessly slow.
 *
 * Workloads (all under `outDir`):
 * - 1×: one long-format CSV with every kommun and the organisation's stadsdelsnämnder × every
 *   indicator cell × 2016–2025 — the largest valid single file, since one file may hold each
 *   (year, unit, indicator) only once and there are no more units or years to add.
 * - 10×: ten such files, each from a different seed (as if the data were re-delivered with
 *   corrections ten times), imported in one call, so each file replaces the previous one's years;
 *   DuckDB reads the very same ten files in one read_csv. Ten times the rows through both, with no
 *   invented units or years.
 * - The national workbook: one year's sample ÖJ workbook (every kommun), read and parsed as the import
 *   does it, the first time in the process and warm.
 * - The views: each view of src/sql materialised over the 10× database, against materialising
 *   oj_answer itself (a plain scan) in the same run.
 * - The dashboard: build time of the sample site, bytes and LCP of its overview (benchSite.ts).
 * Each import goes into a fresh DuckDB file, ours and DuckDB's alike, in this one process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { formatTable } from '../text/formatTable.ts';
import { Catalog } from '../config/catalog.ts';
import { Database } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { openInput } from '../imports/importFiles.ts';
import { importOj } from '../oj/importOj.ts';
import { parseOjWorkbook } from '../oj/parseOjWorkbook.ts';
import { logicSuffix, readViewFiles, refreshMaterialised } from '../db/views.ts';
import { defaultConfigDir, projectRoot } from '../paths.ts';
import { buildSampleDatabase, defaultSeed } from '../sample/generateSample.ts';
import { OjAnswerModel } from '../sample/ojAnswerModel.ts';
import { buildOjWorkbook, ojPublicationDate } from '../sample/ojWorkbook.ts';
import { buildOjYear } from '../sample/ojYear.ts';
import { Rng } from '../sample/random.ts';
import { loadSampleInputs, type SampleInputs } from '../sample/sampleInputs.ts';
import { stableXlsxBytes } from '../sample/xlsxBytes.ts';
import { workbookGrids } from '../text/readWorkbook.ts';
import { benchSite } from './benchSite.ts';
import { longCsv } from './longCsv.ts';

const years = Array.from({ length: 10 }, (_, i) => 2016 + i);
const copies = 10;
const workbookYear = 2024;

async function seconds<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** A fresh database file: any earlier run's file and its WAL removed first. */
async function freshDatabase(path: string): Promise<Database> {
  for (const p of [path, `${path}.wal`]) if (existsSync(p)) rmSync(p);
  return Database.open(path);
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

interface Case {
  label: string;
  files: string[];
  rows: number;
}

/**
 * Our import, and how much of it was recomputing the materialised views at its end (timed again on
 * its own, the same work over the same rows).
 */
async function timeOurs(outDir: string, configDir: string, c: Case): Promise<{ seconds: number; refresh: number }> {
  const db = await freshDatabase(join(outDir, `ours-${c.label}.duckdb`));
  try {
    await initDatabase(db, configDir);
    // One command per copy: the copies cover the same years, and one command refuses two files for the
    // same year (the later would silently replace the earlier). Each copy replaces the one before; one
    // outer transaction, so the materialised views are recomputed once, as after one import.
    const total = (await seconds(() => db.transaction(async () => {
      for (const file of c.files) await importOj(db, [file]);
    }))).seconds;
    const refresh = (await seconds(() => db.transaction(() => refreshMaterialised(db)))).seconds;
    return { seconds: total, refresh };
  } finally {
    db.close();
  }
}

async function timeDuckDb(outDir: string, c: Case): Promise<number> {
  const db = await freshDatabase(join(outDir, `duckdb-${c.label}.duckdb`));
  try {
    const list = `[${c.files.map(sqlString).join(', ')}]`;
    return (await seconds(() => db.run(`create table t as select * from read_csv(${list}, delim=';', header=true)`))).seconds;
  } finally {
    db.close();
  }
}

function writeCases(inputs: SampleInputs, outDir: string): Case[] {
  const files: string[] = [];
  let rowsPerFile = 0;
  for (let k = 0; k < copies; k++) {
    const { bytes, rows } = longCsv(inputs, years, defaultSeed + k);
    const path = join(outDir, `oj-lang-${k + 1}.csv`);
    writeFileSync(path, bytes);
    files.push(path);
    rowsPerFile = rows;
  }
  return [
    { label: '1x', files: files.slice(0, 1), rows: rowsPerFile },
    { label: `${copies}x`, files, rows: rowsPerFile * copies },
  ];
}

/** One workbook import's reading, as `import oj` does it: the file's grids (size check, exceljs), then the parse. */
async function readAndParse(path: string, catalog: Catalog) {
  const read = await seconds(() => openInput(path).grids());
  const parse = await seconds(async () => parseOjWorkbook(read.result, catalog, { file: path }));
  return { read: read.seconds, parse: parse.seconds, answers: parse.result.answers.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A first read and parse in a fresh process (workbookFirstRead.ts), as one `beredskap import` pays it:
 * the reader and our parser run cold, the catalog's header matchers are built then too. The median
 * of three such processes.
 */
function firstRead(path: string, configDir: string, reader = 'ours'): { read: number; parse: number; answers: number } {
  const runs = Array.from({ length: 3 }, () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/bench/workbookFirstRead.ts'), path, configDir, reader], { cwd: projectRoot, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`workbookFirstRead: ${result.stderr}`);
    return JSON.parse(result.stdout) as { read: number; parse: number; answers: number };
  });
  return [...runs].sort((a, b) => a.read + a.parse - (b.read + b.parse))[1]!;
}

/**
 * The national workbook read and parsed as an import does it: first in processes of their own (what one
 * `beredskap import` pays), then the median of five more in this process, warm.
 */
async function benchWorkbook(inputs: SampleInputs, catalog: Catalog, outDir: string, configDir: string) {
  const rng = new Rng(defaultSeed);
  const year = buildOjYear(inputs, new OjAnswerModel(inputs, rng), workbookYear);
  const path = join(outDir, `oj-krisberedskap-${workbookYear}.xlsx`);
  writeFileSync(path, await stableXlsxBytes(buildOjWorkbook(year, inputs, rng), ojPublicationDate(workbookYear)));
  const cold = firstRead(path, configDir);
  const exceljs = firstRead(path, configDir, 'exceljs');
  const warm: Awaited<ReturnType<typeof readAndParse>>[] = [];
  for (let i = 0; i < 5; i++) warm.push(await readAndParse(path, catalog));
  return {
    path, units: year.kommuner.length + year.stadsdelar.length, answers: cold.answers,
    cold: { read: cold.read, parse: cold.parse, total: cold.read + cold.parse },
    exceljsRead: exceljs.read,
    warm: { read: median(warm.map((w) => w.read)), parse: median(warm.map((w) => w.parse)), total: median(warm.map((w) => w.read + w.parse)) },
  };
}

/**
 * Reading a large sheet (one row per unit and 44 answer columns) at two sizes: reading must grow with the
 * cells, so 5 000 rows take about five times what 1 000 take (a reader that re-measured the sheet for
 * every cell took 81 s for 5 000 rows).
 */
async function benchLargeSheet(outDir: string) {
  const time = async (rows: number) => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Stort blad');
    ws.addRow(['Kommunkod', 'Kommun', ...Array.from({ length: 44 }, (_, i) => `Fråga ${i + 1}`)]);
    for (let r = 0; r < rows; r++) ws.addRow([String(r).padStart(4, '0'), `Enhet ${r}`, ...Array.from({ length: 44 }, (_, i) => ((r + i) % 3 ? 'Ja' : 'Nej'))]);
    const path = join(outDir, `stort-blad-${rows}.xlsx`);
    await workbook.xlsx.writeFile(path);
    const bytes = readFileSync(path);
    return (await seconds(() => workbookGrids(bytes, path))).seconds;
  };
  const small = await time(1000);
  const large = await time(5000);
  return { small, large, scaling: large / small };
}

/** The views and marts the dashboard's loaders read: the names of src/sql that appear in docs/data/*. */
function pageRelations(): Set<string> {
  const loaders = readdirSync(join(projectRoot, 'docs/data')).map((f) => readFileSync(join(projectRoot, 'docs/data', f), 'utf8')).join('\n');
  return new Set(readViewFiles().views.map((v) => v.name).filter((n) => new RegExp(`\\b${n}\\b`).test(loaders)));
}

interface ViewTiming {
  view: string;
  rows: number;
  seconds: number;
  ratio: number;
  /** a table the refresh keeps (reading it), or a view computed when read */
  materialised: boolean;
  readByPage: boolean;
}

/**
 * Each view and mart read in full into a temp table, timed against doing the same to oj_answer: what a
 * page's loader waits for. A materialised view is its table; its logic (`<name>__view`) is timed too,
 * which is what the refresh at the end of an import pays.
 */
async function timeViews(path: string): Promise<ViewTiming[]> {
  const db = await Database.open(path);
  try {
    const materialise = async (relation: string) => {
      const { seconds: s } = await seconds(() => db.run(`create or replace temp table bench_out as select * from ${relation}`));
      const { n } = (await db.one<{ n: number }>('select count(*)::integer as n from bench_out'))!;
      return { rows: n, seconds: s };
    };
    await materialise('oj_answer'); // warm the buffer pool, so the baseline is not a cold read
    const baseline = await materialise('oj_answer');
    const read = pageRelations();
    const timed: ViewTiming[] = [{ view: 'oj_answer (skanning)', ...baseline, ratio: 1, materialised: true, readByPage: false }];
    for (const v of readViewFiles().views) {
      const names = v.materialised ? [v.name, `${v.name}${logicSuffix}`] : [v.name];
      for (const name of names) {
        const t = await materialise(name);
        timed.push({ view: name, ...t, ratio: t.seconds / baseline.seconds, materialised: v.materialised && name === v.name, readByPage: name === v.name && read.has(v.name) });
      }
    }
    return timed;
  } finally {
    db.close();
  }
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function runBench(options: { outDir: string; quiet?: boolean }): Promise<void> {
  const say = (text: string) => {
    if (!options.quiet) console.log(text);
  };
  const configDir = defaultConfigDir();
  mkdirSync(options.outDir, { recursive: true });
  const configDb = await Database.open(':memory:');
  let inputs: SampleInputs;
  let catalog: Catalog;
  try {
    await initDatabase(configDb, configDir);
    inputs = await loadSampleInputs(configDb);
    catalog = await Catalog.load(configDb);
  } finally {
    configDb.close();
  }

  say(`Skapar testfiler i ${options.outDir} …`);
  const cases = writeCases(inputs, options.outDir);
  const results: (string | number)[][] = [];
  let importRatio = 0;
  let importRatioWithoutRefresh = 0;
  for (const c of cases) {
    say(`Importerar ${c.label} (${c.rows.toLocaleString('sv-SE')} rader) …`);
    const duck = await timeDuckDb(options.outDir, c);
    const ours = await timeOurs(options.outDir, configDir, c);
    importRatio = ours.seconds / duck;
    importRatioWithoutRefresh = (ours.seconds - ours.refresh) / duck;
    results.push([c.label, c.files.length, c.rows, round(ours.seconds), round(ours.refresh), round(duck, 3), round(importRatio, 1), round(importRatioWithoutRefresh, 1)]);
  }
  console.log('ÖJ-import, långt CSV-format (ar;enhet;indikator;verksamhet;svar), 2016–2025:');
  console.log(formatTable(['Fall', 'Filer', 'Rader', 'Vår import (s)', 'varav vyer (s)', 'DuckDB read_csv (s)', 'Kvot', 'Kvot utan vyer'], results));

  say('Mäter vyerna …');
  const views = await timeViews(join(options.outDir, `ours-${cases.at(-1)!.label}.duckdb`));
  console.log('');
  console.log(`Vyer och marts i riksskala ×${copies}, lästa i sin helhet, mot en skanning av oj_answer (* = läses av en sida; __view = logiken som uppdateringen räknar):`);
  console.log(formatTable(['Vy', 'Rader', 'Sekunder', 'Kvot mot skanning'], views.map((v) => [`${v.readByPage ? '* ' : '  '}${v.view}`, v.rows, round(v.seconds, 3), round(v.ratio, 1)])));
  const slowestRead = views.filter((v) => v.readByPage).sort((a, b) => b.seconds - a.seconds)[0]!;

  say('Tolkar en Excelfil i riksskala …');
  const wb = await benchWorkbook(inputs, catalog, options.outDir, configDir);
  console.log('');
  console.log(`ÖJ-Excelfil ${workbookYear} (${wb.units} enheter, ${wb.answers.toLocaleString('sv-SE')} svar):`);
  console.log(formatTable(['Steg', 'Första läsningen, egen process (s)', 'Därefter, median (s)'], [
    ['Läsa .xlsx (storlekskontroll, zip + XML, workbookGrids)', round(wb.cold.read, 3), round(wb.warm.read, 3)],
    ['  jämför: ExcelJS:s inläsning av samma fil, bara load', round(wb.exceljsRead, 3), ''],
    ['Tolka (parseOjWorkbook)', round(wb.cold.parse, 3), round(wb.warm.parse, 3)],
    ['Totalt', round(wb.cold.total, 3), round(wb.warm.total, 3)],
  ]));

  say('Läser ett stort blad …');
  const sheet = await benchLargeSheet(options.outDir);
  console.log('');
  console.log('Stort blad (46 kolumner), workbookGrids:');
  console.log(formatTable(['Rader', 'Sekunder'], [['1 000', round(sheet.small, 3)], ['5 000', round(sheet.large, 3)], ['kvot 5 000 / 1 000 (linjärt ≈ 5)', round(sheet.scaling, 1)]]));

  say('Bygger instrumentpanelen från exempeldata …');
  const sampleDb = await freshDatabase(join(options.outDir, 'sample.duckdb'));
  try {
    await initDatabase(sampleDb, configDir);
    await buildSampleDatabase(sampleDb, join(options.outDir, 'sample'));
  } finally {
    sampleDb.close();
  }
  for (const p of ['start-fresh.duckdb', 'start-fresh.duckdb.wal']) rmSync(join(options.outDir, p), { force: true });
  const site = await benchSite(join(options.outDir, 'sample.duckdb'), options.outDir);
  const largest = site.pages[0]!;
  const largestData = [...site.pages].sort((a, b) => b.data - a.data)[0]!;
  const largestOnDemand = [...site.pages].sort((a, b) => b.onDemand - a.onDemand)[0]!;
  console.log('');
  console.log('Instrumentpanelen (exempeldata):');
  console.log(formatTable(['Mått', 'Värde'], [
    ['npm run build, alla sidor (s)', round(site.buildSeconds, 1)],
    ['npm start utan databas, till adressen (s)', round(site.startSeconds, 1)],
    [`Största sidans överföring, gzip (${largest.page}, byte)`, largest.total],
    [`  varav sidans data (byte)`, largest.data],
    [`Största datamängd, gzip (${largestData.page}, byte)`, largestData.data],
    [`Största som hämtas först vid behov, gzip (${largestOnDemand.page}, byte)`, largestOnDemand.onDemand],
  ]));

  // The targets of point 3 side by side, to compare run to run.
  const figures = {
    import_ratio: round(importRatio, 2),
    import_ratio_without_view_refresh: round(importRatioWithoutRefresh, 2),
    workbook_seconds: round(wb.cold.total, 3),
    workbook_read_seconds: round(wb.cold.read, 3),
    workbook_read_seconds_exceljs_load: round(wb.exceljsRead, 3),
    workbook_parse_seconds: round(wb.cold.parse, 3),
    workbook_seconds_warm: round(wb.warm.total, 3),
    large_sheet_5000_rows_seconds: round(sheet.large, 3),
    large_sheet_scaling_5x_rows: round(sheet.scaling, 1),
    slowest_view_seconds_10x: round(slowestRead.seconds, 3),
    slowest_view_10x: slowestRead.view,
    build_seconds: round(site.buildSeconds, 1),
    start_seconds: round(site.startSeconds, 1),
    largest_page_gzip_bytes: largest.total,
    largest_page: largest.page,
    largest_page_data_gzip_bytes: largestData.data,
    largest_on_demand_gzip_bytes: largestOnDemand.onDemand,
  };
  const resultsPath = join(projectRoot, 'bench-results.json');
  writeFileSync(resultsPath, `${JSON.stringify(figures, null, 2)}\n`);
  console.log('');
  console.log(`Målen sida vid sida (${resultsPath}):`);
  console.log(formatTable(['Mått', 'Värde', 'Mål'], [
    ['Import långt CSV / DuckDB read_csv', figures.import_ratio, '≤ 3'],
    ['  utan vyernas uppdatering', figures.import_ratio_without_view_refresh, ''],
    ['Excelfil i riksskala läsa + tolka, första gången i en ny process (s)', figures.workbook_seconds, '≤ 0,3'],
    ['  därefter (s)', figures.workbook_seconds_warm, ''],
    ['Stort blad: 5 000 rader / 1 000 rader', figures.large_sheet_scaling_5x_rows, '≈ 5'],
    [`Långsammaste vy en sida läser, ×${copies} (s; ${figures.slowest_view_10x})`, figures.slowest_view_seconds_10x, '≤ 0,1'],
    ['npm run build (s)', figures.build_seconds, '≤ 20'],
    ['npm start, ny klon (s)', figures.start_seconds, '≤ 15'],
    [`Största sida, gzip (byte; ${figures.largest_page})`, figures.largest_page_gzip_bytes, '≤ 150 000'],
    ['  största sidans data, gzip (byte)', figures.largest_page_data_gzip_bytes, ''],
  ]));
}
