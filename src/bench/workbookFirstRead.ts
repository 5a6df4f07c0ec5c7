/**
 * One workbook read and parsed as `beredskap import oj` does it, in a process of its own, so the read is
 * a first read as it is for a user's import: no reader code run before, no heap left over from other
 * work. Run by runBench.ts (`node --import tsx workbookFirstRead.ts FILE CONFIG_DIR [READER]`); prints
 * {"read":s,"parse":s,"answers":n} as JSON. Starting node and loading the configuration are not timed:
 * every command pays them, whatever it reads. READER `exceljs` times ExcelJS's loading of the same bytes
 * instead (the reader before ours; only the load, a lower bound of what it took, and no parse).
 */
import ExcelJS from 'exceljs';
import { Catalog } from '../config/catalog.ts';
import { Database } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { openInput } from '../imports/importFiles.ts';
import { parseOjWorkbook } from '../oj/parseOjWorkbook.ts';

const [path, configDir, reader] = process.argv.slice(2) as [string, string, string | undefined];
const db = await Database.open(':memory:');
try {
  await initDatabase(db, configDir);
  const catalog = await Catalog.load(db);
  const start = performance.now();
  if (reader === 'exceljs') {
    await new ExcelJS.Workbook().xlsx.load(openInput(path).bytes as unknown as ArrayBuffer);
    console.log(JSON.stringify({ read: (performance.now() - start) / 1000, parse: 0, answers: 0 }));
    process.exit(0);
  }
  const grids = await openInput(path).grids();
  const read = performance.now();
  const { answers } = parseOjWorkbook(grids, catalog, { file: path });
  const parse = performance.now();
  console.log(JSON.stringify({ read: (read - start) / 1000, parse: (parse - read) / 1000, answers: answers.length }));
} finally {
  db.close();
}
