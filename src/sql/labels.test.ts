// One label table built from data/ (labels.csv → display_label → dash_label): every code a view can
// output has its words, a city's rewording reaches the command line and the template without a code
// change, and a bad labels file is refused naming file, row and column. Runs on the fixture town
// (src/test/fixtures/town) with the sample data imported into it (a copy of the run's shared sample database).
import ExcelJS from 'exceljs';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../config/catalog.ts';
import { labelDomains } from '../config/labelDomains.ts';
import type { Database } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import type { Problem } from '../text/problems.ts';
import { runReport } from '../cli/report.ts';
import { runTemplate } from '../template/commands.ts';
import { loadExportTables } from '../export/exportData.ts';
import { answerSheetName, instructionSheetName, judgementSheetName, templateColumn } from '../self/templateLayout.ts';
import { configError, townConfigDir } from '../test/helpers.ts';
import { openSampleDb } from '../test/sharedSample.ts';

/** Which label domain a view column named so holds, wherever it occurs. */
const columnDomain: Record<string, string> = {
  answer: 'answer', workbook_answer: 'answer', kolada_answer: 'answer',
  self_status: 'status',
  basis: 'basis', gap_status: 'gap',
  attainment: 'attainment', judgement: 'attainment', namndens_bedomning: 'attainment', beraknad_maluppfyllelse: 'attainment',
  unit_kind: 'unit_kind', unit_group: 'unit_group', measure: 'measure',
  position: 'position', previous_position: 'position', finding: 'finding',
  period: 'period', since_period: 'period', last_period: 'period', bedomning_period: 'period',
  role: 'comparison_role', compared_unit: 'comparison_unit', comparator_unit: 'comparison_unit', comparison: 'source_check', difference: 'difference',
  not_comparable_reason: 'not_comparable', not_graded_reason: 'not_graded',
  due_status: 'due_status', action_status: 'action_status',
};
/** Columns whose name alone does not say: `kind` and `status`, by table (null: not a label domain). */
const tableColumnDomain = (table: string, column: string): string | null | undefined => {
  if (['stg_gap', 'stg_gap_item', 'export_gap'].includes(table) && column === 'status') return 'by_basis';
  if (column === 'kind') {
    if (['source_file', 'stg_source_in_force', 'source_freshness', 'dash_source_freshness', 'dash_quality_file'].includes(table)) return 'source_kind';
    if (table === 'dash_config_example') return 'config_example';
    // vocab's kind is the vocabulary; dash_leadership_consistency's the kind of flag (its finding is labelled).
    return ['vocab', 'dash_leadership_consistency'].includes(table) ? null : 'unit_kind';
  }
  if (column === 'status') return table.startsWith('kolada') ? null : 'status';
  if (column === 'role') return table === 'dash_namnd_oj_gap' ? 'oj_role' : 'comparison_role';
  return columnDomain[column];
};

describe('display labels (data/labels.csv)', () => {
  // One copy of the sample database for every test here (tempDir would remove it after the first).
  const dir = mkdtempSync(join(tmpdir(), 'beredskap-labels-'));
  let db: Database;
  beforeAll(async () => {
    db = await openSampleDb(join(dir, 'test.duckdb'));
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every code a view or table outputs in a label domain has a label, and the domains hold every code they need', async () => {
    const labelled = new Set((await db.all<{ key: string }>("select domain || '/' || code as key from dash_label")).map((r) => r.key));
    const columns = await db.all<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where data_type = 'VARCHAR' and table_name not like '%\\_\\_view' escape '\\' order by all`);
    const occurring = new Map<string, Set<string>>();
    const unlabelled: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const domain = tableColumnDomain(table, column);
      if (!domain) continue;
      const sql = domain === 'by_basis'
        ? `select distinct case basis when 'oj' then 'answer' else 'status' end as domain, ${column} as code from ${table} where ${column} is not null`
        : `select distinct '${domain}' as domain, ${column} as code from ${table} where ${column} is not null`;
      for (const { domain: d, code } of await db.all<{ domain: string; code: string }>(sql)) {
        if (!occurring.has(d)) occurring.set(d, new Set());
        occurring.get(d)!.add(code);
        if (!labelled.has(`${d}/${code}`)) unlabelled.push(`${table}.${column}: ${d} ${code}`);
      }
    }
    expect(unlabelled).toEqual([]);
    // The sample holds every domain, so none of the checks above ran on nothing.
    expect([...occurring.keys()].sort()).toEqual(Object.keys(labelDomains).sort());
    // Every code a view really outputs is one the configuration check requires a label for.
    for (const [domain, codes] of occurring) {
      const required = labelDomains[domain]!;
      if (typeof required !== 'string') expect([domain, [...codes].filter((c) => !required.includes(c))]).toEqual([domain, []]);
    }
    // The dashboard's text puts the symbol first, so colour is never the only carrier of meaning.
    expect(await db.all("select domain, code, label, text from dash_label where domain in ('answer', 'position') and code in ('ja', 'under') order by domain"))
      .toEqual([{ domain: 'answer', code: 'ja', label: 'Ja', text: '✔ Ja' }, { domain: 'position', code: 'under', label: 'Under', text: '▼ Under' }]);
  });

  it('a reworded label reaches the report, the export and the template with no code change', async () => {
    const edited = join(dir, 'reworded');
    cpSync(townConfigDir, edited, { recursive: true });
    const file = join(edited, 'labels.csv');
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace('gap,kvarstaende,,Kvarstående', 'gap,kvarstaende,,Finns kvar')
      .replace('source_kind,oj_workbook,,"ÖJ, Excelfil"', 'source_kind,oj_workbook,,Socialstyrelsens Excelfil')
      .replace('status,ej_aktuellt,–,Ej aktuellt', 'status,ej_aktuellt,–,Ej tillämpligt')
      .replace('attainment,helt,●,Helt', 'attainment,helt,●,Uppfyllt helt'));
    expect((await initDatabase(db, edited)).configReloaded).toBe(true);
    try {
      const gaps = (await runReport(db, 'gaps', { format: 'table', all: true })).text;
      expect(gaps).toMatch(/Finns kvar/);
      expect(gaps).not.toMatch(/Kvarstående/);
      const sources = (await loadExportTables(db, {})).find((t) => t.name === 'Källor')!;
      expect(new Set(sources.rows.map((r) => r[1]))).toContain('Socialstyrelsens Excelfil');
      expect((await Catalog.load(db)).statusLabels.map((s) => s.label)).toEqual(['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej tillämpligt', 'Ej svar']);
      const [path] = await runTemplate(db, { year: 2025, period: 'T1', unit: 'tallmossen', outDir: join(dir, 'mallar') });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path!);
      const instructions: string[] = [];
      workbook.getWorksheet(instructionSheetName)!.eachRow((row) => instructions.push(String(row.values)));
      expect(instructions.join('\n')).toMatch(/särskilt vid Delvis uppfyllt och Ej tillämpligt/);
      expect(workbook.getWorksheet(answerSheetName)!.getCell(2, templateColumn('Status')).dataValidation).toMatchObject({ formulae: ['"Uppfyllt,Delvis uppfyllt,Ej uppfyllt,Ej tillämpligt"'] });
      expect(workbook.getWorksheet(judgementSheetName)!.getCell('E2').dataValidation).toMatchObject({ formulae: ['"Uppfyllt helt,Delvis,Ej"'] });
    } finally {
      await initDatabase(db, townConfigDir);
    }
  });

  it('a bad labels file is refused: unknown domain or code, a code labelled twice, an empty label, a missing code, a status or judgement the template could not read back', () => {
    const bad = join(dir, 'bad');
    cpSync(townConfigDir, bad, { recursive: true });
    const file = join(bad, 'labels.csv');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const row = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;
    const rows = { gap: row('gap,atgardad,'), ja: row('answer,ja,'), nej: row('answer,nej,'), pagar: row('answer,pagar,'), status: row('status,delvis,'), helt: row('attainment,helt,'), ovar: lines.length + 1 };
    const edited = lines.map((l) => l
      .replace(/^gap,atgardad,.*/, 'anwser,ja,,Ja')
      .replace(/^answer,nej,.*/, 'answer,ja,,Ja igen')
      .replace(/^answer,pagar,◔,Arbete pågår/, 'answer,pagar,◔,')
      .replace(/^status,delvis,◐,Delvis uppfyllt/, 'status,delvis,◐,Till hälften')
      .replace(/^attainment,helt,●,Helt/, 'attainment,helt,●,Fullt'))
      .concat('position,ovar,▲,Över', '');
    writeFileSync(file, edited.join('\n'));
    const error = configError(bad);
    const problems = error.problems.map((p: Problem) => ({ ...p, file: basename(p.file) }));
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'labels.csv', rows: [rows.gap], columns: ['domain'], found: 'anwser', message: 'okänd domän', suggestions: expect.arrayContaining(['answer']) }),
      expect.objectContaining({ file: 'labels.csv', rows: [rows.nej], columns: ['code'], found: 'ja', message: expect.stringContaining(`redan en etikett på rad ${rows.ja}`) }),
      expect.objectContaining({ file: 'labels.csv', rows: [rows.pagar], columns: ['label'], message: 'värde saknas' }),
      expect.objectContaining({ file: 'labels.csv', rows: [rows.ovar], columns: ['code'], found: 'ovar', suggestions: expect.arrayContaining(['over']) }),
      expect.objectContaining({ file: 'labels.csv', found: 'gap atgardad', message: 'etikett saknas', fix: expect.stringContaining('gap,atgardad,,') }),
      expect.objectContaining({ file: 'labels.csv', rows: [rows.status], columns: ['label'], found: 'Till hälften', fix: expect.stringContaining('Till hälften,delvis') }),
      expect.objectContaining({ file: 'labels.csv', rows: [rows.helt], columns: ['label'], found: 'Fullt', fix: 'Lägg till raden Fullt,helt i vocab/judgements.csv.' }),
    ]));
    expect(error.message).toMatch(/labels\.csv, rad \d+, kolumn domain: okänd domän "anwser"/);
  });
});
