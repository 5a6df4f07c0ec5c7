import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDb, tempDir, writeText } from '../test/helpers.ts';
import { CommandUsageError, runTemplate, runValidationReport } from './commands.ts';
import { day, fillTemplate } from './testing.ts';

const today = '2025-05-15';

/** The report's Problem sheet as objects keyed by its Swedish headers. */
async function problemRows(path: string): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const ws = workbook.getWorksheet('Problem')!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  return ws.getRows(2, Math.max(ws.rowCount - 1, 0))?.map((r) => Object.fromEntries(headers.map((h, i) => [h, r.getCell(i + 1).value ?? null]))) ?? [];
}

describe('validation report (import self-assessment --dry-run --report)', () => {
  const dir = tempDir();
  let db: Database;
  afterEach(() => db?.close());

  async function filledTemplate(answers: Parameters<typeof fillTemplate>[1]) {
    const [path] = await runTemplate(db, { year: 2025, period: 'T1', unit: 'farsta', outDir: dir });
    // Every requirement answered Uppfyllt, unless the test says otherwise; those with a deadline with the
    // decision of the period in force on 30 April 2025 (the RSA of the mandate period from 2022-10-15, next
    // year's verksamhetsplan adopted from 1 September).
    const ids = ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'S01', 'S02', 'S03', 'S04', 'O01', 'O02', 'O03', 'P01', 'P02', 'P03', 'P04'];
    const decisions: Record<string, Date> = { B01: day('2023-05-10'), B02: day('2024-12-10'), B04: day('2024-03-01') };
    return fillTemplate(path!, Object.fromEntries(ids.map((id) => [id, { status: 'Uppfyllt', decision: decisions[id], ...answers[id] }])));
  }

  it('lists every problem by sheet, row and column in Swedish, as .xlsx and as Markdown', async () => {
    db = await openTestDb(dir);
    const file = await filledTemplate({
      B01: { status: null },
      B02: { status: 'Ej uppfyllt', comment: 'Planen saknas' },
      B03: { status: 'Delvis uppfyllt', action: 'Revidera planen', owner: 'Säkerhetssamordnare', due: day('2025-01-31') },
      B04: { unit: 'Bromma' },
      B05: { requirement: 'X99' },
      B06: { status: 'Uppfylt' },
      B07: { status: 'Uppfyllt', action: 'Klart', due: day('2024-12-31') },
      B08: { unit: '<img src=x onerror=alert(1)>' },
    });
    const xlsx = join(dir, 'rapport.xlsx');
    expect(await runValidationReport(db, { file, reportPath: xlsx, today })).toEqual({ problems: 8, blocking: 3, ok: false });
    const rows = await problemRows(xlsx);
    const at = (row: number) => rows.filter((r) => r.Rad === row).map((r) => [r.Kolumn, r['Värde i filen'], r.Problem, r['Stoppar inläsningen']]);
    expect(rows.every((r) => r.Fil === 'sjalvskattning-2025-T1-farsta.xlsx')).toBe(true);
    expect(at(2)).toEqual([['G (Status)', null, 'Status saknas: välj Uppfyllt, Delvis uppfyllt, Ej uppfyllt eller Ej aktuellt (ett krav utan status räknas som ej besvarat)', 'nej']]);
    expect(at(3)).toEqual([['I (Åtgärd)', null, 'Ej uppfyllt utan åtgärd: beskriv vad som ska göras, vem som ansvarar och när det ska vara klart', 'nej']]);
    expect(at(4)).toEqual([['K (Klart senast)', '2025-01-31', expect.stringMatching(/^Datumet för den planerade åtgärden har passerat \(i dag är det 2025-05-15\)/), 'nej']]);
    expect(at(5)).toEqual([['C (Nämnd)', 'Bromma', 'Nämnden är inte mallens: mallen gäller Farsta', 'nej']]);
    expect(at(6)).toEqual([['D (Krav)', 'X99', 'Okänt krav', 'ja']]);
    expect(at(7)).toEqual([['G (Status)', 'Uppfylt', 'Okänd status', 'ja']]);
    expect(rows.find((r) => r.Rad === 7)!.Förslag).toMatch(/^Uppfyllt/);
    expect(at(8)).toEqual([]); // uppfyllt: a past date is the day it was done
    expect(at(9)).toEqual([['C (Nämnd)', '<img src=x onerror=alert(1)>', 'Okänd nämnd', 'ja']]);
    // B05's row now names an unknown id: the report leaves B05 out, which is said after the rows.
    expect(rows.at(-1)).toMatchObject({ Blad: 'Självskattning', Rad: null, Kolumn: null, 'Stoppar inläsningen': 'nej',
      Problem: 'Kravet B05 (Samhällsviktig verksamhet identifierad) saknas för Farsta 2025 T1: ett krav som inte redovisas räknas som ej besvarat' });
    expect(rows).toHaveLength(8);

    const md = join(dir, 'rapport.md');
    expect(await runValidationReport(db, { file, reportPath: md, today })).toEqual({ problems: 8, blocking: 3, ok: false });
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Kontroll av självskattning\n\nKontrollerad 2025-05-15: sjalvskattning-2025-T1-farsta.xlsx \(mall för Farsta, 2025 T1\)\.\n\n8 saker att rätta eller komplettera, varav 3 gör att filen inte kan läsas in\./);
    expect(text).toContain('## sjalvskattning-2025-T1-farsta.xlsx, blad ”Självskattning”');
    expect(text).toContain('| Rad | Kolumn | Värde i filen | Problem | Förslag | Stoppar inläsningen |');
    expect(text).toContain('| 2 | G (Status) |  | Status saknas: välj Uppfyllt, Delvis uppfyllt, Ej uppfyllt eller Ej aktuellt (ett krav utan status räknas som ej besvarat) |  | nej |');
    expect(text).toContain('| 6 | D (Krav) | X99 | Okänt krav |');
    expect(text).toContain('| 9 | C (Nämnd) | \\<img src=x onerror=alert(1)\\> | Okänd nämnd |');
    expect(text).not.toMatch(/(?<!\\)<img/); // escaped, so no viewer renders it as HTML
    expect(text.split('\n').filter((l) => /^\| \d* \|/.test(l))).toHaveLength(8); // one table line per problem
  });

  it('a complete template has nothing to report; a file it cannot read is reported, not thrown', async () => {
    db = await openTestDb(dir);
    const file = await filledTemplate({ B02: { status: 'Ej uppfyllt', action: 'Ta fram planen', due: day('2025-09-30') } });
    const md = join(dir, 'ok.md');
    expect(await runValidationReport(db, { file, reportPath: md, today })).toEqual({ problems: 0, blocking: 0, ok: true });
    expect(readFileSync(md, 'utf8')).toContain('Inga problem hittades: filen kan läsas in som den är.');
    const xlsx = join(dir, 'ok.xlsx');
    await runValidationReport(db, { file, reportPath: xlsx, today });
    expect(await problemRows(xlsx)).toEqual([]);

    const broken = writeText(join(dir, 'trasig.xlsx'), 'inte en arbetsbok');
    const pdf = writeText(join(dir, 'svar.pdf'), '%PDF');
    expect(await runValidationReport(db, { file: [broken, pdf], reportPath: xlsx, today })).toEqual({ problems: 2, blocking: 2, ok: false });
    expect((await problemRows(xlsx)).map((r) => [r.Fil, r.Problem])).toEqual([
      ['trasig.xlsx', expect.stringMatching(/^Filen kan inte läsas som .xlsx/)],
      ['svar.pdf', 'Okänd filtyp: väntade .xlsx eller .csv'],
    ]);
    await expect(runValidationReport(db, { file, reportPath: join(dir, 'r.pdf'), today })).rejects.toThrow(CommandUsageError);
  });

  it('a requirement with a deadline reported Uppfyllt needs a decision dated in the deadline\'s period', async () => {
    db = await openTestDb(dir);
    const file = await filledTemplate({
      B01: { decision: day('2019-06-01'), decisionRef: 'KS 2019/12' }, // the RSA of the mandate period before
      B02: { decision: day('2025-06-01') }, // after the report's end
      B04: { decision: null }, // none
      B03: { decision: day('2001-01-01') }, // no deadline: any date, or none, is fine
    });
    const md = join(dir, 'beslut.md');
    expect(await runValidationReport(db, { file, reportPath: md, today })).toEqual({ problems: 3, blocking: 0, ok: true });
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('| 2 | L (Beslutsdatum) | 2019-06-01 | Beslutet är från en tidigare period och uppfyller inte tidsfristen ”Risk- och sårbarhetsanalys till länsstyrelsen senast 31 oktober året efter valår” (2023-10-31, perioden från 2022-10-15): ange beslutet för den här perioden, eller ändra status |  | nej |');
    expect(text).toContain('| 3 | L (Beslutsdatum) | 2025-06-01 | Beslutsdatumet ligger efter rapportperiodens slut 2025-04-30: ange dagen då beslutet fattades |');
    expect(text).toMatch(/\| 5 \| L \(Beslutsdatum\) \|  \| Uppfyllt utan beslutsdatum: kravet har tidsfristen ”Krisledningsorganisationen övad under mandatperioden” \(2026-10-14, perioden från 2022-10-15\); ange beslutsdatum/);
  });

  it('checks a hand-made CSV too: the same checks, requirements left out per nämnd and period', async () => {
    db = await openTestDb(dir);
    const csv = writeText(join(dir, 'bromma.csv'), [
      'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast',
      ...['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'S01', 'S02', 'S03', 'S04', 'O01', 'O02', 'O03', 'P01', 'P02', 'P03']
        .map((id) => `2025;T1;Bromma;${id};Uppfyllt;;;;`),
      '2025;T1;Bromma;B02;Ej uppfyllt;;;;',
    ].join('\n'));
    const md = join(dir, 'csv.md');
    expect(await runValidationReport(db, { file: csv, reportPath: md, today })).toMatchObject({ blocking: 1, ok: false });
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('## bromma.csv\n');
    expect(text).toContain('| 23 | 7 (Åtgärd) |  | Ej uppfyllt utan åtgärd');
    expect(text).toMatch(/\| 23 \|  \|  \| Bromma 2025 T1 krav B02 finns redan på rad 3 \|  \| ja \|/);
    expect(text).toMatch(/\|  \|  \|  \| Kravet P04 \(Rutin för ensamarbete\) saknas för Bromma 2025 T1: .* \| nej \|/);
  });
});
