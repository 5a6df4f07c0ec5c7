import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeText } from '../test/helpers.ts';
import { main } from './main.ts';

describe('beredskap report', () => {
  const dir = tempDir();

  it('prints readiness with Swedish headers and sv-SE numbers, or as CSV and JSON, filtered by year and unit', async () => {
    const dbPath = join(dir, 'r.duckdb');
    const csv = writeText(join(dir, 'oj.csv'), [
      'ar;enhet;indikator;verksamhet;svar',
      '2024;Farsta;evakuering;sabo;Ja',
      '2024;Farsta;evakuering;hemtjanst;Nej',
      '2024;Farsta;varme;sabo;Ja',
      '2024;Bromma;evakuering;sabo;Nej',
      '2023;Farsta;evakuering;sabo;Nej',
    ].join('\n'));
    expect(await main(['import', 'oj', csv, '--db', dbPath, '--quiet'], () => {})).toBe(0);
    const run = async (...args: string[]) => {
      const out: string[] = [];
      expect(await main(['report', ...args, '--db', dbPath], (t) => out.push(t))).toBe(0);
      return out.join('\n');
    };
    const table = await run('readiness', '--year', '2024', '--unit', 'farsta');
    expect(table).toMatch(/^År\s+Enhet\s+Fokusområde\s+Underlag/);
    expect(table).toMatch(/2024\s+farsta\s+olycksforebyggande\s+oj\s+3\s+2\s.*66,7\s%/);
    expect(table).toMatch(/2024\s+farsta\s+sakerhetsskydd\s+oj\s+0\s.*inga uppgifter/);
    expect(table).not.toContain('bromma');
    const csvOut = await run('readiness', '--year', '2024', '--unit', 'farsta', '--format', 'csv');
    expect(csvOut).toContain('2024;farsta;olycksforebyggande;oj;3;2;0;1;0;0;0;0.6666666666666666;1');
    const json = JSON.parse(await run('gaps', '--format', 'json', '--unit', 'farsta'));
    expect(json).toEqual([
      { year: 2023, unit_id: 'farsta', indicator_id: 'evakuering_sabo', answer: 'nej', gap_status: 'ny', since_year: 2023 },
      { year: 2024, unit_id: 'farsta', indicator_id: 'evakuering_hemtjanst', answer: 'nej', gap_status: 'ny', since_year: 2024 },
      { year: 2024, unit_id: 'farsta', indicator_id: 'evakuering_sabo', answer: 'ja', gap_status: 'atgardad', since_year: 2023 },
    ]);
    expect(await main(['report', 'nonsense', '--db', dbPath], () => {})).toBe(2);
  });
});
