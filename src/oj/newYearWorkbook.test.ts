// A new year's workbook in a layout of its own imports with no line added to data/ where the file makes
// its meaning plain: a key column by its content, unit names as the sources write them, abbreviated and
// long verksamhet headers. Where a person must decide, the file fails with one message per real problem.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { Catalog } from '../config/catalog.ts';
import { openInput } from '../imports/importFiles.ts';
import { formatProblem } from '../text/problems.ts';
import { openTestDb, sharedTestDb, writeXlsx, type Cell } from '../test/helpers.ts';
import { formatInspection } from './formatInspection.ts';
import { importOj } from './importOj.ts';
import { readOjWorkbook } from './readOjWorkbook.ts';

const year = 2022;
/** Stockholm's 13 stadsdelsnämnder on 2022-02-01, as a source writes them, with the unit each is. */
const stockholm: [string, string][] = [
  ['Bromma stadsdelsförvaltning', 'bromma'], ['Enskede-Årsta-Vantörs stadsdelsnämnd', 'enskede-arsta-vantor'], ['SDN Farsta', 'farsta'],
  ['Hägersten stadsdelsförvaltning', 'hagersten-alvsjo'], ['Hässelby-Vällingby SDF', 'hasselby-vallingby'], ['Stockholms stad - Kungsholmen', 'kungsholmen'],
  ['Norrmalms stadsdelsnämnd', 'norrmalm'], ['Stadsdelsområde Rinkeby-Kista', 'rinkeby-kista'], ['Skarpnäck', 'skarpnack'],
  ['Skärholmens stadsdelsförvaltning', 'skarholmen'], ['Spånga-Tensta stadsdelsnämnden', 'spanga-tensta'], ['Södermalm SDO', 'sodermalm'],
  ['Stockholm, Östermalms stadsdelsförvaltning', 'ostermalm'],
];
/** Göteborg's socialförvaltningar and facknämnder of 2022, named as förvaltningar or with the city around them. */
const goteborg: [string, string][] = [
  ['Socialförvaltning Centrum', 'goteborg-socialnamnden-centrum'], ['Göteborg - Socialförvaltningen Hisingen', 'goteborg-socialnamnden-hisingen'],
  ['Socialnämnden Nordost', 'goteborg-socialnamnden-nordost'], ['Göteborgs stad, Socialförvaltning Sydväst', 'goteborg-socialnamnden-sydvast'],
  ['Förvaltningen för funktionsstöd', 'goteborg-funktionsstod'], ['Äldre samt vård- och omsorgsförvaltningen', 'goteborg-aldre-vard-omsorg'],
];

/** Verksamhet headers abbreviated and written out, under two areas, with the indicator each is. */
const evakuering: [string, string][] = [
  ['Särskilt boende för äldre (SÄBO)', 'evakuering_sabo'],
  ['Hem för vård eller boende för barn och unga', 'evakuering_hvb_barn'],
  ['HVB-hem, vuxna', 'evakuering_hvb_vuxna'],
  ['Bostad med särskild service för vuxna enligt lagen om stöd och service till vissa funktionshindrade', 'evakuering_lss_vuxna'],
  ['Bostad med särskild service, barn och unga, enligt socialtjänstlagen', 'evakuering_sol_barn'],
];
const varme: [string, string][] = [
  ['SÄBO, egen regi', 'varme_sabo'],
  ['Hem för vård eller boende, vuxna', 'varme_hvb_vuxna'],
];
const columns = [...evakuering, ...varme];
const answerOf = (u: number, c: number) => ((u + c) % 3 === 0 ? 'Nej' : 'Ja');

/** A stadsdel sheet under a key header no vocabulary knows, two-level headers, kommun beside it. */
function stadsdelSheet(units: [string, string][], keyHeader: string, options: { kommunColumn?: boolean; extra?: { header: string; cells: Cell[] } } = {}) {
  const kommun = options.kommunColumn === false ? [] : ['Kommun'];
  const extra = options.extra ? [options.extra.header] : [];
  const width = kommun.length + 1 + extra.length;
  const pad = (n: number) => Array<Cell>(n).fill(null);
  return {
    name: 'Stadsdelar och förvaltningar',
    rows: [
      [`Öppna jämförelser ${year}. Krisberedskap`],
      [...kommun, keyHeader, ...extra, 'Plan för evakuering', ...pad(evakuering.length - 1), 'Beredskapsplan för höga temperaturer', ...pad(varme.length - 1)],
      [...pad(width), ...columns.map(([h]) => h)],
      ...units.map(([name, id], u) => [
        ...(options.kommunColumn === false ? [] : [id.startsWith('goteborg') ? 'Göteborg' : 'Stockholm']),
        name, ...(options.extra ? [options.extra.cells[u] ?? null] : []), ...columns.map((_, c) => answerOf(u, c)),
      ]),
    ] as Cell[][],
  };
}
const expected = (units: [string, string][]) => units.flatMap(([, id], u) => columns.map(([, indicator], c) => `${id}/${indicator}/${answerOf(u, c).toLowerCase()}`)).sort();

describe('a new year\'s workbook with no line added to data/', () => {
  const shared = sharedTestDb();
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await Catalog.load(shared.db, { applicability: false });
  });
  const read = async (name: string, sheets: Parameters<typeof writeXlsx>[1]) => {
    const input = openInput(await writeXlsx(join(shared.dir, name), sheets));
    return readOjWorkbook(await input.grids(), catalog, { file: input.name });
  };
  const answersOf = (reading: Awaited<ReturnType<typeof read>>) => reading.answers.map((a) => `${a.unit_id}/${a.indicator_id}/${a.answer}`).sort();

  it('reads a key column by its content when its header is new, förvaltning and nämnd names as their unit, long forms as their abbreviation', async () => {
    const units = [...stockholm, ...goteborg];
    const reading = await read('nytt-2022.xlsx', [stadsdelSheet(units, 'Stadsdelsområde/förvaltning')]);
    expect(reading.problems.map(formatProblem)).toEqual([]);
    expect(answersOf(reading)).toEqual(expected(units));
    expect(reading.notes).toEqual([
      'blad "Stadsdelar och förvaltningar", kolumn B (Stadsdelsområde/förvaltning): tolkad som stadsdel utifrån innehållet (Bromma stadsdelsförvaltning, Enskede-Årsta-Vantörs stadsdelsnämnd, SDN Farsta, …). ' +
      'Raden stadsdel,Stadsdelsområde/förvaltning i data/vocab/oj_columns.csv gör det uttryckligt.',
    ]);
    const inspected = formatInspection(reading);
    expect(inspected).toContain('B   Stadsdelsområde/förvaltning');
    expect(inspected).toMatch(/→ nyckel: stadsdel \(tolkad som stadsdel utifrån innehållet \(Bromma stadsdelsförvaltning, /);
    expect(inspected).toContain('Tolkat utifrån innehållet:\n  blad "Stadsdelar och förvaltningar", kolumn B');
  });

  it('finds the header by its content when no header names a key column, and reads the names by the year\'s units', async () => {
    const reading = await read('utan-nyckel-2022.xlsx', [stadsdelSheet(stockholm, 'Förvaltning/område 2022', { kommunColumn: false })]);
    expect(reading.problems.map(formatProblem)).toEqual([]);
    expect(answersOf(reading)).toEqual(expected(stockholm));
    // "Hägersten" was Hägersten-Liljeholmen until the merger of 2020-07-01: the year decides.
    const before = await read('hagersten-2019.xlsx', [{ name: 'Blad1', rows: [['Krisberedskap 2019'], ['Stadsdelsförvaltning', 'Plan för evakuering – SÄBO'], ['Hägersten stadsdelsförvaltning', 'Ja'], ['Brommas stadsdelsnämnd', 'Nej']] }]);
    expect(before.problems).toEqual([]);
    expect(answersOf(before)).toEqual(['bromma/evakuering_sabo/nej', 'hagersten-liljeholmen/evakuering_sabo/ja']);
  });

  it('imports through the real import, saying once in the summary which column was read by its content', async () => {
    const db = await openTestDb(shared.dir, 'import.duckdb');
    try {
      const file = await writeXlsx(join(shared.dir, 'oj-nytt-2022.xlsx'), [stadsdelSheet(stockholm, 'Stadsdelsområde/förvaltning')]);
      const [report] = await importOj(db, [file]);
      expect(report).toMatchObject({ status: 'imported', rowsRead: stockholm.length });
      expect(report!.notes).toHaveLength(1);
      expect(report!.notes![0]).toMatch(/kolumn B \(Stadsdelsområde\/förvaltning\): tolkad som stadsdel utifrån innehållet/);
      const stored = await db.all<{ unit_id: string; indicator_id: string; answer: string }>('select unit_id, indicator_id, answer from oj_answer order by all');
      expect(stored.map((a) => `${a.unit_id}/${a.indicator_id}/${a.answer}`)).toEqual(expected(stockholm));
    } finally {
      db.close();
    }
    const out: string[] = [];
    const again = await writeXlsx(join(shared.dir, 'oj-nytt-cli-2022.xlsx'), [stadsdelSheet(stockholm, 'Stadsdelsområde/förvaltning')]);
    expect(await main(['import', 'oj', again, '--db', join(shared.dir, 'cli.duckdb'), '--quiet'], (t) => out.push(t))).toBe(0);
    expect(out.filter((l) => l.includes('tolkad som stadsdel'))).toEqual([expect.stringMatching(/^ {2}Obs: blad "Stadsdelar och förvaltningar", kolumn B/)]);
  });

  it('one unknown unit among 13 is exactly one message naming it, never read as its kommun', async () => {
    const units = stockholm.map(([name, id]): [string, string] => (id === 'norrmalm' ? ['Vasastan', 'norrmalm'] : [name, id]));
    for (const keyHeader of ['Stadsdel', 'Stadsdelsområde/förvaltning']) {
      const reading = await read(`vasastan-${keyHeader.length}-2022.xlsx`, [stadsdelSheet(units, keyHeader)]);
      const lines = reading.problems.map(formatProblem);
      expect(lines, keyHeader).toHaveLength(1);
      expect(lines[0], keyHeader).toMatch(/^vasastan-\d+-2022\.xlsx, blad "Stadsdelar och förvaltningar", rad 10, kolumn B: okänd enhet "Vasastan"\..*lägg till raden Vasastan,[a-z-]+,, i data\/org\/aliases\.csv\.$/);
      expect(reading.answers.some((a) => a.unit_id === 'stockholm'), keyHeader).toBe(false);
    }
  });

  it('two columns naming stadsdelar under unknown headers stay an error: one message, saying how many rows it leaves unread', async () => {
    const sheet = stadsdelSheet(stockholm, 'Stadsdelsområde/förvaltning', { extra: { header: 'Förvaltning 2019', cells: stockholm.map(([name]) => name) } });
    const reading = await read('tvetydig-2022.xlsx', [sheet]);
    expect(reading.problems.map(formatProblem)).toEqual([
      'tvetydig-2022.xlsx, blad "Stadsdelar och förvaltningar", rad 2, kolumn B (Stadsdelsområde/förvaltning): kolumnerna B (Stadsdelsområde/förvaltning) och C (Förvaltning 2019) anger alla stadsdelar ' +
      '(Bromma stadsdelsförvaltning, Enskede-Årsta-Vantörs stadsdelsnämnd, SDN Farsta, …), så det går inte att avgöra vilken som är nyckeln; bladets 13 rader med enheter i kolumnen lämnas därför olästa "Stadsdelsområde/förvaltning". ' +
      'Lägg till raden stadsdel,Stadsdelsområde/förvaltning i data/vocab/oj_columns.csv för den som gäller och raden ignore,… för de andra.',
    ]);
    expect(reading.answers).toEqual([]);
    expect(reading.sheets[0]!.roles).toEqual(['unreadable']);
  });

  it('an unknown header repeated on several sheets is one message, the answers it leaves outside the table counted, not shown', async () => {
    const header = 'Plan vid värmebölja – SÄBO';
    const sheet = (name: string, rows: Cell[][]) => ({ name, rows: [[`Krisberedskap ${year}`], ['Kommunkod', 'Kommun', 'Plan för evakuering – SÄBO', header], ...rows] });
    const reading = await read('rubrik-2022.xlsx', [
      sheet('Kommuner A–M', [['0114', 'Upplands Väsby', 'Ja', 'Ja'], ['0136', 'Haninge', 'Nej', 'Ja']]),
      sheet('Kommuner N–Ö', [['0581', 'Norrköping', 'Ja', 'Nej']]),
      sheet('Kommuner, fler', [['0180', 'Stockholm', 'Ja', 'Nej'], ['0181', 'Södertälje', 'Nej', 'Nej']]),
    ]);
    const lines = reading.problems.map(formatProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rubrik-2022\.xlsx, blad "Kommuner A–M", rad 2, kolumn D \(Plan vid värmebölja – SÄBO\): kolumnen har svar men rubriken är varken .* 2 följdfel av samma orsak visas inte\.$/);
  });
});
