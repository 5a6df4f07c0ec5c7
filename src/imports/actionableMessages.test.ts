// Messages a person can act on: an invisible character shown, a suggestion that never turns an answer
// around, the parsers' English replaced by one Swedish line at the user's row and column, one line for
// a --config that is a file, one grouped line for a copied sheet, one line before sample data is built.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, runCli } from '../cli/cliTesting.ts';
import { sampleFallbackNotice } from '../db/selectionInfo.ts';
import { Catalog } from '../config/catalog.ts';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { readOjWorkbook } from '../oj/readOjWorkbook.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { inputProblems, sharedTestDb, writeText, writeXlsx } from '../test/helpers.ts';
import { zipParts } from '../test/xlsxParts.ts';
import { buildZip } from '../test/zipBomb.ts';
import type { CellValue, Grid } from '../text/grid.ts';
import { closestNames } from '../text/normalize.ts';
import { formatProblem } from '../text/problems.ts';

const selfHeader = 'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast';
// Words of the parsers' English messages ("the parsing is finished with an opening quote at line 3").
const english = /\b(the|is|at|line|quote|parsing|found|instead|of|undefined|Cannot|properties)\b/;

describe('messages a person can act on', () => {
  const shared = sharedTestDb();
  const { dir } = shared;

  it('an invisible character in a value is shown by its code point and named', async () => {
    const file = writeText(join(dir, 'osynligt.csv'), `${selfHeader}\n2024;T1;Far\u200Dsta;B01;Uppfyllt;;;;\n2024;T1;Farsta;B02;Upp\u202Efyllt;;;;\n`);
    const [unit, status] = (await inputProblems(importSelfAssessment(shared.db, [file]))).map(formatProblem);
    expect(unit).toBe('osynligt.csv, rad 2, kolumn 3 (Nämnd): okänd nämnd "Far‹U+200D›sta". Närmast kända: "Farsta", "AB Stokab", "Enskede-Årsta-Vantör". ' +
      'Texten innehåller ett osynligt tecken (‹U+200D›), som inte syns på skärmen men gör texten till en annan: skriv om den utan det.');
    expect(status).toContain('"Upp‹U+202E›fyllt"');
  });

  it('a suggestion never says the opposite of the text found: the shared distinctive word first, a negation last', async () => {
    const judgements = ['helt', 'uppfyllt helt', 'delvis', 'uppfyllt delvis', 'ej', 'ej uppfyllt', 'inte uppfyllt', 'målet uppnås ej'];
    // Every name that says "delvis" or "ej" comes after the two that say what "Helt uppfyllt" says.
    expect(closestNames('Helt uppfyllt', judgements, judgements.length).slice(0, 2)).toEqual(['uppfyllt helt', 'helt']);
    expect(closestNames('Ej uppfylt', judgements)[0]).toBe('ej uppfyllt');
    expect(closestNames('Helt uppfylld', ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej aktuellt'], 4)[0]).toBe('Uppfyllt');
    // A text about nothing the names speak of is answered by spelling alone.
    expect(closestNames('Kanske', ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej aktuellt'], 4)).toEqual(['Ej aktuellt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Uppfyllt']);
    const file = writeText(join(dir, 'bedomning.csv'), 'Nämnd/bolag;Verksamhetsår;Rapport;Mål;Måluppfyllelse;Motivering\nFarsta;2024;VB;Beredskap;Helt uppfylld;Klart\n');
    const [judgement] = await inputProblems(importJudgement(shared.db, [file]));
    expect(judgement).toMatchObject({ found: 'Helt uppfylld' });
    expect([...judgement!.suggestions!].sort()).toEqual(['helt', 'uppfylls helt', 'uppfyllt helt']);
  });

  it("the CSV parser's complaints are one Swedish line at the user's row and column", async () => {
    const unclosed = writeText(join(dir, 'oppen.csv'), `${selfHeader}\n2024;T1;Farsta;B01;Delvis;"Planen revideras;;;\n2024;T1;Farsta;B02;Uppfyllt;;;;\n`);
    const [open] = await inputProblems(importSelfAssessment(shared.db, [unclosed]));
    expect(open).toMatchObject({ file: 'oppen.csv', row: 2, column: '6', message: expect.stringContaining('öppnar fältet men stängs aldrig') });
    const stray = writeText(join(dir, 'citat.csv'), `ar;enhet;indikator;verksamhet;svar\n2024;"Farsta";evakuering;sabo;Ja\n2024;Bromma;evakuering;sabo;Ja "typ"\n`);
    const [quote] = await inputProblems(importOj(shared.db, [stray]));
    expect(quote).toMatchObject({ file: 'citat.csv', row: 3, column: '5', found: 'Ja ' });
    const closing = writeText(join(dir, 'stangt.csv'), `ar;enhet;indikator;verksamhet;svar\n2024;"Farsta"x;evakuering;sabo;Ja\n`);
    const [closed] = await inputProblems(importOj(shared.db, [closing]));
    expect(closed).toMatchObject({ row: 2, column: '2' });
    for (const p of [open!, quote!, closed!]) expect(formatProblem(p)).not.toMatch(english);
  });

  it("a workbook exceljs cannot take apart is told in Swedish, not in exceljs's words", async () => {
    const good = await writeXlsx(join(dir, 'hel-2024.xlsx'), [{ name: 'Kommuner', rows: [['Kommun', 'Evakueringsplan, SÄBO'], ['Stockholm', 'Ja']] }]);
    const parts = zipParts(readFileSync(good)).map((p) => (p.name.includes('worksheets/sheet') ? { ...p, content: p.content.subarray(0, p.content.length / 2) } : p));
    const broken = join(dir, 'trasig-2024.xlsx');
    writeFileSync(broken, buildZip(parts));
    const [problem] = await inputProblems(importOj(shared.db, [broken]));
    expect(problem).toMatchObject({ file: 'trasig-2024.xlsx' });
    expect(formatProblem(problem!)).toMatch(/^trasig-2024\.xlsx: filen kan inte läsas som \.xlsx: /);
    expect(formatProblem(problem!)).not.toMatch(english);
  });

  it('a copied stadsdel sheet is one line naming both sheets and its rows; a repeated row one line with its columns', async () => {
    const catalog = await Catalog.load(shared.db, { applicability: false });
    const sheet = (name: string, rows: CellValue[][]): Grid => ({
      file: 'oj-2024.xlsx', sheet: name, format: 'xlsx',
      rows: [['Öppna jämförelser 2024'], ['Stadsdel', 'Evakueringsplan, SÄBO', 'Evakueringsplan, hemtjänst'], ...rows].map((cells, i) => ({ line: i + 1, cells })),
    });
    const stadsdelar: CellValue[][] = [['Farsta', 'Ja', 'Nej'], ['Bromma', 'Nej', 'Ja'], ['Kungsholmen', 'Ja', 'Ja'], ['Skärholmen', 'Nej', 'Nej']];
    const copied = readOjWorkbook([sheet('Stadsdelar', stadsdelar), sheet('Stadsdelar (2)', stadsdelar)], catalog, { file: 'oj-2024.xlsx' });
    expect(copied.problems.map(formatProblem)).toEqual([
      'oj-2024.xlsx, blad "Stadsdelar (2)", rader 3–6: samma enheter och frågor finns redan på bladet "Stadsdelar" (ett kopierat blad?); ta bort det ena bladet.',
    ]);
    const repeated = readOjWorkbook([sheet('Stadsdelar', [...stadsdelar, ['Bromma', 'Ja', 'Ja']])], catalog, { file: 'oj-2024.xlsx' });
    expect(repeated.problems.map(formatProblem)).toEqual([
      'oj-2024.xlsx, blad "Stadsdelar", rad 7, kolumnerna B (Evakueringsplan, SÄBO), C (Evakueringsplan, hemtjänst): bromma 2024 finns redan på rad 4 (två rader för samma enhet?).',
    ]);
  });

  it('--config naming a file is one line saying it is not a folder', () => {
    const run = runCli(['init', '--config', join(dir, 'oppen.csv'), '--db', join(dir, 'cli.duckdb')]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(['Inget har skrivits. Ett fel:', `  ${join(dir, 'oppen.csv')}: det är en fil, inte en katalog: --config (eller BEREDSKAP_CONFIG) ska ange konfigurationskatalogen, som data/.`]);
  });

  it('a database path named by BEREDSKAP_DB or --db that does not exist is said in one line before sample data is built', () => {
    const notice = sampleFallbackNotice('/srv/beredskap.dukdb', 'BEREDSKAP_DB');
    expect(lines(notice)).toEqual([notice]);
    expect(notice).toMatch(/^BEREDSKAP_DB anger \/srv\/beredskap\.dukdb, som inte finns: .*exempeldata/);
    expect(sampleFallbackNotice('/srv/x.duckdb')).toBe('Ingen databas i /srv/x.duckdb: bygger en från exempeldata …');
  });
});
