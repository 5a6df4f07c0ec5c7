// Nothing internal can be worked out from a public build, not even by subtracting two published numbers.
// Two databases differ in exactly one fact: one nämnd reports one säkerhetsskydd requirement uppfyllt in
// one, ej uppfyllt in the other. Every data file a public build publishes (each loader of docs/data, the
// pages' only source of figures) is made from both and compared value by value: the only values that may
// differ are pooled figures for the city of the fokusområde published only as an aggregate, over enough
// units that no one unit's figure is among them – never a value in a row of a unit, never a count, share,
// rank or flag of any other fokusområde, never the list of rows. The internal build does show the
// difference, so the comparison can fail.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { importJudgement } from '../judgement/importJudgement.ts';
import { importOj } from '../oj/importOj.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { cityConfigDir, openInitialisedDb, tempDir, writeText } from '../test/helpers.ts';
import { dashboardData } from '../test/loaderOutputs.ts';

type Json = unknown;
type Row = Record<string, unknown>;
interface Difference { file: string; path: string; rows: Row[] }

/** Every place where two loaders' outputs differ: the path, and the objects it lies in (innermost first). */
function differences(file: string, a: Json, b: Json, path = '', rows: Row[] = []): Difference[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [{ file, path: `${path}.length`, rows }];
    return a.flatMap((x, i) => differences(file, x, b[i], `${path}[${i}]`, rows));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences(file, (a as Record<string, Json>)[k], (b as Record<string, Json>)[k], `${path}.${k}`, [a as Row, ...rows]));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ file, path, rows }];
}

// Where the two imported files themselves are described (their hash and import time): not a figure.
const fileMetadata = new Set(['sha256', 'sha256_prefix', 'imported_at', 'latest_import']);
const hidden = 'sakerhetsskydd';
const hiddenTitle = 'Säkerhetsskydd';
/** A row of the city (no unit in it) about säkerhetsskydd: a mart's row, or the annual document's table row or drafted sentence (cited by its view's key). */
const isCityHidden = (row: Row) => {
  const key = (row.source as { key?: Row } | undefined)?.key;
  const about = key ?? row;
  return !('unit_id' in about) && (about.fokusomrade === hidden || about.goal === hidden
    || (Array.isArray(row.cells) && row.cells[0] === hiddenTitle));
};
/** A pooled figure of the hidden fokusområde: it lies in such a row, and in no row of a unit's. */
const isPooledHidden = (d: Difference) => d.rows.some(isCityHidden) && !d.rows.some((r) => 'unit_id' in r && !('source' in r));

async function cityWith(parent: string, name: string, norrN3: string): Promise<string> {
  // the same file names in both, so that only their content differs
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'city.duckdb');
  const db: Database = await openInitialisedDb(path, cityConfigDir);
  try {
    await importOj(db, [writeText(join(dir, 'oj.csv'), [
      'ar;enhet;indikator;verksamhet;svar',
      '2020;Norr;upphandling;hemtjanst;Nej', '2020;Norr;evakuering;sabo;Ja',
      '2020;Syd;upphandling;hemtjanst;Ja', '2020;Syd;evakuering;sabo;Nej',
    ].join('\n'))]);
    // Every unit N3 applies to reports it, so säkerhetsskydd is pooled over five units. Norr meets all else
    // (beredskap, olycksförebyggande helt): over every fokusområde it is helt or ej by N3 alone.
    await importSelfAssessment(db, [writeText(join(dir, 'self.csv'), [
      'År;Period;Nämnd;Krav;Status',
      '2020;VB;Norr;N1;Uppfyllt', '2020;VB;Norr;N2;Uppfyllt', `2020;VB;Norr;N3;${norrN3}`, '2020;VB;Norr;N4;Uppfyllt',
      '2020;VB;Syd;N1;Uppfyllt', '2020;VB;Syd;N2;Uppfyllt', '2020;VB;Syd;N3;Uppfyllt', '2020;VB;Syd;N4;Ej uppfyllt',
      '2020;VB;Socialnämnden;N1;Delvis', '2020;VB;Socialnämnden;N2;Uppfyllt', '2020;VB;Socialnämnden;N3;Ej uppfyllt', '2020;VB;Socialnämnden;N5;Uppfyllt',
      '2020;VB;Exempelstad Koncern AB;N1;Uppfyllt', '2020;VB;Exempelstad Koncern AB;N3;Uppfyllt',
      '2020;VB;Exempelbostäder AB;N1;Uppfyllt', '2020;VB;Exempelbostäder AB;N3;Delvis',
    ].join('\n'))]);
    await importJudgement(db, [writeText(join(dir, 'ils.csv'), [
      'Enhet;År;Period;Mål;Bedömning',
      'Norr;2020;VB;Säkerhetsskydd;helt', 'Norr;2020;VB;Beredskap;delvis', 'Norr;2020;VB;Exempelstad är trygg och säker;delvis',
    ].join('\n'))]);
  } finally {
    db.close();
  }
  return path;
}

describe('a public build lets no one work out a unit\'s säkerhetsskydd, not even by difference', () => {
  const dir = tempDir();

  it('two databases one säkerhetsskydd requirement apart publish the same figures but the pooled säkerhetsskydd ones', async () => {
    const met = await cityWith(dir, 'uppfyllt', 'Uppfyllt');
    const unmet = await cityWith(dir, 'ej-uppfyllt', 'Ej uppfyllt');

    const publicA = await dashboardData(met, 'public');
    const publicB = await dashboardData(unmet, 'public');
    expect([...publicA.keys()].sort()).toEqual([...publicB.keys()].sort());
    const found = [...publicA].flatMap(([file, a]) => differences(file, a, publicB.get(file)));
    const figures = found.filter((d) => !fileMetadata.has(d.path.split('.').at(-1)!));
    // What may differ: the city's pooled säkerhetsskydd figures, and nothing of a unit's own.
    expect(figures.filter((d) => !isPooledHidden(d)).map((d) => `${d.file}${d.path}`)).toEqual([]);
    // …and the city's säkerhetsskydd share does move, so the comparison is not of two equal builds.
    expect(figures.some((d) => d.file === 'annual/latest.json' && d.path.includes('.tables'))).toBe(true);

    // The internal build shows Norr's own säkerhetsskydd figures, which do differ.
    const internalA = (await dashboardData(met, 'internal', ['namnd.tar.js'])).get('namnd/norr.json');
    const internalB = (await dashboardData(unmet, 'internal', ['namnd.tar.js'])).get('namnd/norr.json');
    const norr = differences('namnd/norr.json', internalA, internalB);
    expect(norr.some((d) => d.path.startsWith('.counts') && d.path.endsWith('.n_open'))).toBe(true);
    expect(norr.some((d) => d.rows[0]?.fokusomrade === hidden)).toBe(true);
  }, 600_000);
});
