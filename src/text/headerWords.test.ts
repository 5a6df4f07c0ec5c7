import { describe, expect, it } from 'vitest';
import { Abbreviations, compactHeader, HeaderMatcher, headerWords, PairMatcher } from './headerWords.ts';

const verksamheter = [
  { text: 'Bostad med särskild service enligt LSS för vuxna', value: 'lss_vuxna' },
  { text: 'Bostad med särskild service enligt LSS för barn och unga', value: 'lss_barn' },
  { text: 'HVB för barn och unga', value: 'hvb_barn' },
  { text: 'Särskilt boende för äldre', value: 'sabo' },
  { text: 'Hemtjänst', value: 'hemtjanst' },
];
const areas = [
  { text: 'Plan för evakuering', value: 'evakuering' },
  { text: 'Evakueringsplan', value: 'evakuering' },
  { text: 'Aktuell kontinuitetsplan', value: 'kontinuitet' },
];

describe('header matching that survives drift', () => {
  const v = new HeaderMatcher(verksamheter);
  const a = new HeaderMatcher(areas);

  it.each([
    ['Vuxna: bostad med särskild service (enl. LSS)', 'lss_vuxna'],
    ['Bostad m. särskild service – LSS – vuxna', 'lss_vuxna'],
    ['HVB, barn/unga', 'hvb_barn'],
    ['3. Särskilt boende för äldre', 'sabo'],
    ['3a) Särskilt boende för äldre¹', 'sabo'],
    ['Fråga 3: Hemtjänst*', 'hemtjanst'],
    ['Indikator 12b. Hemtjänst †', 'hemtjanst'],
    ['  SÄRSKILT\u00a0boende\nför  äldre ', 'sabo'],
  ])('"%s" meets %s', (header, expected) => {
    expect(v.match(header)).toMatchObject({ value: expected });
  });

  it('says how a header met the catalog, and never guesses between two', () => {
    expect(v.match('Hemtjänst')).toEqual({ value: 'hemtjanst', how: 'exact' });
    expect(v.match('hemtjänst (2)')).toEqual({ value: 'hemtjanst', how: 'exact' });
    expect(v.match('Bostad, LSS')).toBeUndefined();
    const twoMeanings = new HeaderMatcher([...verksamheter, { text: 'Hemtjänst', value: 'hemtjanst_ny' }]);
    expect(twoMeanings.match('Fråga 2: hemtjänst')).toEqual({ ambiguous: ['hemtjanst', 'hemtjanst_ny'] });
  });

  it('reads one-level headers naming area and verksamhet together, by separator or as one set of words', () => {
    const pairs = new PairMatcher(a, v, areas, verksamheter);
    expect(pairs.match('Plan för evakuering – Särskilt boende för äldre')).toEqual({ area: 'evakuering', verksamhet: 'sabo' });
    expect(pairs.match('1b) Evakueringsplan, hemtjänst')).toEqual({ area: 'evakuering', verksamhet: 'hemtjanst' });
    expect(pairs.match('Aktuell kontinuitetsplan HVB barn och unga')).toEqual({ area: 'kontinuitet', verksamhet: 'hvb_barn' });
    expect(pairs.match('Antal invånare')).toBeUndefined();
  });

  it('reads a long form as its abbreviation, on both sides of the comparison', () => {
    const abbreviations = new Abbreviations([
      { text: 'Hem för vård eller boende', value: 'HVB' }, { text: 'HVB-hem', value: 'HVB' }, { text: 'Särskilt boende för äldre', value: 'SÄBO' },
    ]);
    const withAbbreviations = new HeaderMatcher(verksamheter, abbreviations);
    expect(withAbbreviations.match('Hem för vård eller boende, barn och unga')).toEqual({ value: 'hvb_barn', how: 'words' });
    expect(withAbbreviations.match('HVB-hem för barn/unga')).toEqual({ value: 'hvb_barn', how: 'words' });
    expect(withAbbreviations.match('SÄBO')).toEqual({ value: 'sabo', how: 'words' });
    expect(v.match('SÄBO')).toBeUndefined();
    expect(v.match('Hem för vård eller boende, barn och unga')).toBeUndefined();
    expect(headerWords('Hem för vård eller boende (HVB) för vuxna', abbreviations)).toBe('hvb vuxna');
    // Only the whole long form, in its order: "boende" alone stays a word of its own.
    expect(headerWords('Boende för äldre, särskilt', abbreviations)).toBe('boende särskilt äldre');
    const pairs = new PairMatcher(a, withAbbreviations, areas, verksamheter);
    expect(pairs.match('Evakueringsplan, Hem för vård eller boende för barn och unga')).toEqual({ area: 'evakuering', verksamhet: 'hvb_barn' });
  });

  it('compares key headers without hyphenation, spaces and case', () => {
    expect(compactHeader('Läns-\nkod')).toBe(compactHeader('LÄNSKOD'));
    expect(compactHeader('Kommun- kod')).toBe('kommunkod');
    expect(headerWords('Fråga 3: Plan för evakuering (1)')).toBe('evakuering plan');
  });
});
