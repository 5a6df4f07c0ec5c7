/**
 * `beredskap report annual [--year Y] -o FILE [--format docx|md|pdf]`: the annual follow-up as the
 * document the city edits and files. The format is --format's, else the file's extension. The command
 * line is internal (as `report` and `export`): every unit's figures, säkerhetsskydd included. Without
 * --year, the latest year with nämnder and bolag counted; a year without is exit 1, naming the years.
 */
import { writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { annualStandalone } from '../present/annualHtml.js';
import { emptySelectionMessage } from '../db/selectionInfo.ts';
import type { Database } from '../db/database.ts';
import { ensureFolder } from '../db/ensureFolder.ts';
import { CommandUsageError, EmptySelectionError } from '../text/usageError.ts';
import { annualDocument, annualYears, type Query } from './annualDocument.js';
import { annualDocx } from './annualDocx.js';
import { annualMarkdown } from './annualMarkdown.js';
import { printPdf } from './printPdf.ts';

const formats = ['docx', 'md', 'pdf'] as const;
type Format = (typeof formats)[number];

export async function runAnnualReport(db: Database, options: { year?: number; out: string; format?: string }): Promise<{ path: string; format: Format; year: number }> {
  const format = (options.format ?? extname(options.out).slice(1).toLowerCase()) as Format;
  if (!formats.includes(format)) {
    throw new CommandUsageError(options.format
      ? `--format ska vara docx, md eller pdf, inte "${options.format}"`
      : `ange --format docx, md eller pdf, eller en fil som slutar på .docx, .md eller .pdf (inte "${options.out}")`);
  }
  const query: Query = (sql, params) => db.all(sql, params);
  const years = await annualYears(query);
  const year = options.year ?? years.at(-1);
  if (year === undefined || !years.includes(year)) {
    throw new EmptySelectionError(`Ingen årsuppföljning skriven: ${emptySelectionMessage({ year: options.year }, years).replace(/^Inga/, 'inga')}`);
  }
  // The profile the marts read (build_profile(), as the dashboard's loaders set it): the command line is internal.
  await db.run(`set variable beredskap_profile = 'internal'`);
  const doc = await annualDocument(query, { year });
  const path = resolve(options.out);
  ensureFolder(dirname(path));
  if (format === 'docx') writeFileSync(path, await annualDocx(doc));
  else if (format === 'md') writeFileSync(path, annualMarkdown(doc));
  else await printPdf(annualStandalone(doc), path);
  return { path, format, year };
}
