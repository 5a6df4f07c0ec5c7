// The annual follow-up as a document on the sample database: every drafted sentence states the figures
// of the view row it cites; no comparison across a series break or a reorganisation; the public
// document holds no unit's säkerhetsskydd figure; `report annual` writes a .docx that reads back with
// its headings, tables, footnotes and the Exempeldata line, Markdown, and (with Chromium) a PDF of at
// most 12 A4 pages with a running header and page numbers on each.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { number, percent } from '../present/format.js';
import { runMain } from '../cli/cliTesting.ts';
import type { Database } from '../db/database.ts';
import { haveChromium } from '../dashboard/chromium.ts';
import { configError, tempDir, townConfigDir } from '../test/helpers.ts';
import { openSampleDb } from '../test/sharedSample.ts';
import { pdfPages, printProblems } from '../test/pdfPages.ts';
import { zipParts } from '../test/zipParts.ts';
import { annualDocument, draftSentences, sectionTitles, type AnnualDocument, type Query, type Sentence } from './annualDocument.js';

/** Per cited view: which column of its row each placeholder states. */
const columnOf: Record<string, Record<string, string>> = {
  judgement_city: { n: 'n_helt', m: 'n_units', n_delvis: 'n_delvis', n_ej: 'n_ej', n_none: 'n_utan_bedomning' },
  readiness_city: { share: 'share_met', n_items: 'n_applicable', n: 'n_namnder_with_data' },
  annual_oj_area: { share: 'share_ja', n_items: 'n_responding' },
  dash_leadership_requirement: { n: 'n_unmet', m: 'n_units', subject: 'text_sv' },
  annual_unit: { subject: 'name', n_items: 'n_open' },
};
const unitCount: Record<string, string> = { enhet_forsenade: 'n_overdue', enhet_oj_brister: 'n_oj_open' };

/** The zip member `name` of a .docx, as text. */
function docxPart(bytes: Buffer, name: string): string {
  const part = zipParts(bytes).get(name);
  if (!part) throw new Error(`${name} saknas i filen`);
  return part.toString('utf8');
}

describe('the annual follow-up', () => {
  const dir = tempDir();
  // Outside tempDir(), which empties its folder after every test: the CLI's tests copy it.
  const sharedDir = mkdtempSync(join(tmpdir(), 'beredskap-annual-'));
  const shared = join(sharedDir, 'sample.duckdb');
  let db: Database;
  let query: Query;
  const docs = new Map<string, AnnualDocument>();
  const doc = async (year: number, profile: 'public' | 'internal') => {
    const key = `${year}/${profile}`;
    if (!docs.has(key)) {
      await db.run(`set variable beredskap_profile = '${profile}'`);
      docs.set(key, await annualDocument(query, { year }));
    }
    return docs.get(key)!;
  };
  const sentencesOf = (d: AnnualDocument): Sentence[] => d.sections.flatMap((s) => [...s.sentences, ...s.paragraphs.flatMap((p) => p.sentences)]);

  beforeAll(async () => {
    db = await openSampleDb(shared);
    query = (sql, params) => db.all(sql, params as never);
  }, 600_000);
  afterAll(() => {
    db?.close();
    rmSync(sharedDir, { recursive: true, force: true });
  });

  it('states in each drafted sentence the figures of the view row it cites', async () => {
    const cited = new Set<string>();
    for (const profile of ['public', 'internal'] as const) {
      for (const year of [2023, 2025]) {
        const sentences = sentencesOf(await doc(year, profile));
        expect(sentences.length).toBeGreaterThan(20);
        for (const s of sentences) {
          const keys = Object.entries(s.source.key);
          const rows = await db.all<Record<string, unknown>>(
            `select * from ${s.source.view} where ${keys.map(([k], i) => `${k} = $${i + 1}`).join(' and ')}`, keys.map(([, v]) => v) as never);
          cited.add(s.source.view);
          const expected: Record<string, unknown> = {};
          if (s.source.view === 'unit_year_count') {
            // a count over the unit group's rows: those without a report (or judgement) of those counted
            expected.m = rows.length;
            expected.n = rows.filter((r) => (s.topic.startsWith('ej_rapporterat') ? r.self_period === null : !r.has_judgement)).length;
          } else if (s.topic === 'enheter_att_ta_upp') {
            // the year's units, and those the section gives a paragraph
            expected.m = rows.length;
            expected.n = (await doc(year, profile)).sections.find((x) => x.id === 'enheter')!.paragraphs.length;
          } else {
            expect({ text: s.text, rows: rows.length }).toEqual({ text: s.text, rows: 1 });
            for (const [placeholder, column] of Object.entries(columnOf[s.source.view]!)) expected[placeholder] = rows[0]![column];
            if (unitCount[s.topic]) expected.n = rows[0]![unitCount[s.topic]!];
          }
          for (const [placeholder, value] of Object.entries(expected)) {
            if (!(placeholder in s.values)) continue;
            expect({ text: s.text, placeholder, value: s.values[placeholder] }).toEqual({ text: s.text, placeholder, value });
            const written = typeof value === 'number' && placeholder.startsWith('share') ? percent(value) : typeof value === 'number' ? number(value) : String(value);
            expect(s.text).toContain(written);
          }
          if (s.source.view === 'judgement_city' && 'previous_n' in s.values) {
            const before = await db.one<{ n_helt: number }>('select n_helt from judgement_city where year = $1 and goal = $2 and unit_group = $3',
              [year - 1, s.source.key.goal, s.source.key.unit_group] as never);
            expect(s.values.previous_n).toBe(before!.n_helt);
          }
        }
      }
    }
    expect([...cited].sort()).toEqual(['annual_oj_area', 'annual_unit', 'dash_leadership_requirement', 'judgement_city', 'readiness_city', 'unit_year_count']);
  }, 120_000);

  it('compares nothing across the 2023 series break or a year with another number of nämnder, and writes no sentence whose figure is missing', async () => {
    const d2023 = sentencesOf(await doc(2023, 'internal'));
    const kontinuitet = d2023.find((s) => s.topic === 'oj_omrade' && s.subjectId === 'kontinuitet')!;
    expect(kontinuitet.sentenceId).toBe('oj-omrade-ny-serie');
    expect(kontinuitet.values).not.toHaveProperty('change_pp');
    // evakuering has no break: compared with 2022
    expect(d2023.find((s) => s.topic === 'oj_omrade' && s.subjectId === 'evakuering')!.values).toHaveProperty('previous_year', 2022);
    // the town's nämnder at the end of 2022 and 2023: 3 stadsdelsnämnder, the kommunstyrelse and 3 facknämnder,
    // then Samhällsbyggnadsnämnden too (from 2023-03-01): 7 and 8, so counts are not compared; one sentence for
    // each of the five fokusområden and the programme as a whole
    const judged = d2023.filter((s) => s.topic === 'bedomning_namnd');
    expect(judged.length).toBe(6);
    for (const s of judged) expect({ id: s.sentenceId, m: s.values.m, previous_m: s.values.previous_m }).toEqual({ id: 'bedomning-namnd-omorganiserad', m: 8, previous_m: 7 });
    // 2021 has no nämndens bedömning: no such sentence, and the section says so only when it has nothing at all
    const d2021 = await doc(2021, 'internal');
    expect(sentencesOf(d2021).filter((s) => s.topic.startsWith('bedomning'))).toEqual([]);
    // a template naming a figure the row lacks is passed over for the next one of its topic
    const row = { topic: 'oj_omrade', subject_id: 'x', subject: 'x', year: 2025, share: 0.5, n_items: 4, share_riket: null, source_view: 'v', source_key: '{}', source_row: 'r' };
    const templates = [
      { sentence_id: 'a', topic: 'oj_omrade', template: '{share} mot riket {share_riket}.', condition: null },
      { sentence_id: 'b', topic: 'oj_omrade', template: '{share} (n = {n_items}).', condition: 'n_items > 3' },
    ];
    expect(draftSentences([row], templates).map((s) => [s.sentenceId, s.text])).toEqual([['b', `${percent(0.5)} (n = 4).`]]);
    expect(draftSentences([{ ...row, n_items: 3 }], templates)).toEqual([]);
  });

  it('has its five sections in order, all units in one table per group, and a paragraph only for a unit with something to say', async () => {
    const d = await doc(2025, 'internal');
    expect(d.sections.map((s) => s.title)).toEqual(Object.values(sectionTitles));
    expect(d.sample).toBe(true);
    expect(d.programme).toContain('2024');
    const units = d.sections.find((s) => s.id === 'enheter')!;
    const counted = await db.all<{ n: number; unit_group: string }>(
      `select unit_group, count(*)::int as n from annual_unit where profile = 'internal' and year = 2025 group by all order by unit_group desc`);
    expect(units.tables.map((t) => t.rows.length)).toEqual(counted.map((c) => c.n));
    const quiet = await db.all<{ name: string }>(
      `select name from annual_unit where profile = 'internal' and year = 2025 and self_period is not null and n_overdue = 0
         and coalesce(n_oj_open, 0) = 0 and has_judgement and not judgement_differs`);
    expect(quiet.length).toBeGreaterThan(0);
    for (const q of quiet) expect(units.paragraphs.map((p) => p.title)).not.toContain(q.name);
    expect(units.paragraphs.every((p) => p.sentences.length > 0)).toBe(true);
  });

  it('leaves every unit\'s säkerhetsskydd out of the public document, and only that', async () => {
    const rows = await db.all<{ unit_id: string; pub: number; internal: number; skydd: number }>(
      `select p.unit_id, p.n_applicable as pub, i.n_applicable as internal, coalesce(r.n_applicable, 0) as skydd
       from annual_unit p join annual_unit i on i.profile = 'internal' and i.year = p.year and i.unit_id = p.unit_id
       left join dash_namnd_readiness r on r.year = p.year and r.unit_id = p.unit_id and r.fokusomrade = 'sakerhetsskydd'
       where p.profile = 'public' and p.year = 2025`);
    // 8 nämnder and 3 bolag, each asked the säkerhetsskydd requirements (S01–S04 apply to every unit)
    expect(rows.length).toBe(11);
    expect(rows.filter((r) => r.skydd > 0).length).toBe(11);
    for (const r of rows) expect({ unit: r.unit_id, pub: r.pub }).toEqual({ unit: r.unit_id, pub: r.internal - r.skydd });
    const texts = (await db.all<{ text_sv: string }>(`select text_sv from requirement where fokusomrade = 'sakerhetsskydd'`)).map((r) => r.text_sv);
    const publicDoc = await doc(2025, 'public');
    expect(publicDoc.profile).toBe('public');
    const shown = JSON.stringify(publicDoc);
    expect(texts.filter((t) => shown.includes(t))).toEqual([]);
  });

  describe('beredskap report annual', () => {
    const work = tempDir();
    const cli = (args: string[], env: Record<string, string> = {}) => {
      // tempDir() removes its folder after each test
      mkdirSync(work, { recursive: true });
      const dbPath = join(work, 'cli.duckdb');
      copyFileSync(shared, dbPath);
      return runMain(['report', 'annual', '--db', dbPath, '--config', townConfigDir, ...args], { env });
    };

    it('writes a .docx that reads back with its headings, tables, footnotes, contents and the Exempeldata line', async () => {
      const out = join(work, 'arsuppfoljning.docx');
      const run = await cli(['--year', '2025', '-o', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Exempeldata');
      const bytes = readFileSync(out);
      const xml = (part: string) => new JSDOM(docxPart(bytes, part), { contentType: 'text/xml' }).window.document;
      const body = xml('word/document.xml');
      const paragraphs = [...body.getElementsByTagName('w:p')];
      const style = (p: Element) => p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val');
      const text = (e: Element) => [...e.getElementsByTagName('w:t')].map((t) => t.textContent).join('');
      const headings = paragraphs.filter((p) => style(p) === 'Heading1').map(text);
      expect(headings).toEqual(['Innehåll', ...Object.values(sectionTitles)]);
      expect(paragraphs.filter((p) => style(p) === 'Title').map(text)).toEqual(['Årsuppföljning 2025']);
      expect(text(body.documentElement)).toContain('Exempeldata – siffrorna är påhittade');
      expect([...body.getElementsByTagName('w:instrText')].map((t) => t.textContent).join('')).toMatch(/TOC/);
      // tables: the two summary tables, ÖJ, who has not reported (none in the sample: everyone did), the requirements, the units
      const tables = [...body.getElementsByTagName('w:tbl')];
      expect(tables.length).toBeGreaterThanOrEqual(6);
      const captions = paragraphs.filter((p) => style(p) === 'Caption').map(text);
      expect(captions).toHaveLength(tables.length);
      const d = await doc(2025, 'internal');
      const unitTable = tables.find((t) => text(t).includes('Tallmossen'))!;
      expect(unitTable.getElementsByTagName('w:tr')).toHaveLength(d.sections.at(-1)!.tables[0]!.rows.length + 1);
      expect(unitTable.getElementsByTagName('w:tblHeader').length).toBeGreaterThan(0);
      // every header says Exempeldata, every footer numbers the page
      expect(docxPart(bytes, 'word/header1.xml')).toContain('Exempeldata');
      // the command line's document is the internal one, and says so on every page
      expect(docxPart(bytes, 'word/header1.xml')).toContain('Intern – får inte publiceras');
      expect(docxPart(bytes, 'word/footer1.xml')).toMatch(/NUMPAGES/);
      // each drafted sentence's source is a footnote
      const notes = [...xml('word/footnotes.xml').getElementsByTagName('w:footnote')].map(text).filter((t) => t.startsWith('Vyn '));
      expect(notes).toHaveLength(sentencesOf(d).length);
      expect(notes[0]).toMatch(/^Vyn judgement_city, raden 2025 · /);
    });

    it('writes Markdown with the same sections and sources, and refuses what it cannot write', async () => {
      const out = join(work, 'arsuppfoljning.md');
      expect((await cli(['-o', out])).code).toBe(0);
      const md = readFileSync(out, 'utf8');
      expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## Innehåll', ...Object.values(sectionTitles).map((t) => `## ${t}`)]);
      expect(md).toMatch(/^# Årsuppföljning 2025\n\n\*\*Exempeldata/);
      expect(md).toMatch(/\[\^1\]: Vyn judgement\\_city, raden 2025/);
      const txt = await cli(['-o', join(work, 'a.txt')]);
      expect([txt.code, txt.stderr]).toEqual([2, expect.stringContaining('ange --format docx, md eller pdf')]);
      const none = await cli(['--year', '2010', '-o', join(work, 'b.docx')]);
      expect([none.code, none.stderr]).toEqual([1, expect.stringContaining('År med uppgifter: 2016–2025')]);
      const noBrowser = await cli(['--format', 'pdf', '-o', join(work, 'c.pdf')], { BEREDSKAP_CHROMIUM: join(work, 'ingen-chromium') });
      expect([noBrowser.code, noBrowser.stderr]).toEqual([2, expect.stringContaining('--format pdf skriver ut med Chromium, som saknas här')]);
    });

    it.skipIf(!haveChromium())('prints the year to at most 12 A4 pages, each with the running header, Exempeldata and its page number, no caption apart from its table', async () => {
      const out = join(work, 'arsuppfoljning.pdf');
      expect((await cli(['--year', '2025', '-o', out])).code).toBe(0);
      expect(printProblems(out, 2025)).toEqual([]);
      expect(pdfPages(out).pages.length).toBeGreaterThan(3);
    }, 120_000);
  });

  it('refuses a sentence naming a placeholder, topic or condition field the view does not have, naming file, row and column', () => {
    const config = join(dir, 'config');
    cpSync(townConfigDir, config, { recursive: true });
    const file = join(config, 'annual_sentences.csv');
    writeFileSync(file, `${readFileSync(file, 'utf8')}fel-1,krav_namnd,,"{subject} saknas hos {antal} av {m}."\nfel-2,krav_nämnd,,"{subject}."\nfel-3,krav_namnd,n > 0 och antal = 2,"{subject}."\n`);
    const error = configError(config);
    const lines = error.problems.map((p) => [p.file.replace(/^.*\//, ''), p.column, p.found]);
    expect(lines).toEqual(expect.arrayContaining([
      ['annual_sentences.csv', 'template', '{antal}'],
      ['annual_sentences.csv', 'topic', 'krav_nämnd'],
      ['annual_sentences.csv', 'condition', 'antal'],
    ]));
    expect(error.problems.filter((p) => p.file.endsWith('annual_sentences.csv')).every((p) => typeof p.row === 'number')).toBe(true);
    expect(error.message).toContain('Närmast kända');
  });
});
