/**
 * `beredskap export`, as the CLI (src/cli/main.ts) calls it:
 *
 *   beredskap export [--year Y] --format xlsx|csv [--unit ID] [--delimiter ,] -o FILE
 *       → runExport(db, { year, format, unit, out, delimiter }): the files written. xlsx: one workbook
 *         with sheets Beredskap, Brister, Måluppfyllelse, Jämförelse, Källor. csv: one file per sheet,
 *         FILE for Beredskap and FILE-brister.csv, FILE-maluppfyllelse.csv, FILE-jamforelse.csv,
 *         FILE-kallor.csv beside it; UTF-8 with BOM, `;` and decimal comma (Swedish Excel) unless
 *         --delimiter , or tab (then a decimal point). Without --unit: the organisation and its nämnder; with
 *         it, that unit (Jämförelse stays whole: it is the city against others, not per nämnd).
 *
 * CommandUsageError means a request that cannot be carried out as asked: exit 2 with the message.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from '../db/database.ts';
import { ensureFolder } from '../db/ensureFolder.ts';
import { emptySelectionMessage, isSampleDatabase } from '../db/selectionInfo.ts';
import { CommandUsageError, EmptySelectionError } from '../text/usageError.ts';
import { loadExportTables } from './exportData.ts';
import { exportCsvFiles, exportWorkbook } from './exportWorkbook.ts';

const delimiters: Record<string, string> = { ';': ';', ',': ',', '\t': '\t', tab: '\t' };

/** `beredskap export`: the readiness figures as .xlsx or CSV for those who work on in a spreadsheet. */
export async function runExport(
  db: Database,
  options: { year?: number; allYears?: boolean; format: string; unit?: string; unitName?: string; out: string; delimiter?: string },
): Promise<string[]> {
  if (options.format !== 'xlsx' && options.format !== 'csv') throw new CommandUsageError('--format ska vara xlsx eller csv');
  if (options.delimiter !== undefined && options.format !== 'csv') throw new CommandUsageError('--delimiter gäller bara --format csv');
  const delimiter = delimiters[options.delimiter ?? ';'];
  if (!delimiter) throw new CommandUsageError(`--delimiter ska vara ; , eller tab, inte "${options.delimiter}"`);
  if (options.unit !== undefined && !(await db.one('select 1 from org_unit where unit_id = $1', [options.unit]))) {
    throw new CommandUsageError(`okänd enhet "${options.unit}": ange ett enhets-id från data/org/`);
  }
  // Without --year, the latest year with figures, as `report` does; --all for every year.
  const year = options.year ?? (options.allYears ? undefined : (await db.one<{ year: number | null }>('select max(year) as year from readiness'))?.year ?? undefined);
  const tables = await loadExportTables(db, { year, unit: options.unit });
  // Sources and the city's comparison are there whatever the selection: the figures decide.
  if (tables.filter((t) => ['Beredskap', 'Brister', 'Måluppfyllelse'].includes(t.name)).every((t) => !t.rows.length)) {
    const years = (await loadExportTables(db, { unit: options.unit })).find((t) => t.name === 'Beredskap')!.rows.map((r) => Number(r[0]));
    throw new EmptySelectionError(`Inget exporterat: ${emptySelectionMessage({ year: options.year, unit: options.unitName ?? options.unit }, years).replace(/^Inga/, 'inga')}`);
  }
  const sample = await isSampleDatabase(db);
  ensureFolder(dirname(resolve(options.out)));
  if (options.format === 'xlsx') {
    await (await exportWorkbook(tables, { sample })).xlsx.writeFile(options.out);
    return [options.out];
  }
  const files = exportCsvFiles(tables, options.out, delimiter, { sample });
  for (const f of files) writeFileSync(f.path, f.content);
  return files.map((f) => f.path);
}
