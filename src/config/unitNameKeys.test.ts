import { describe, expect, it } from 'vitest';
import { UnitNameKeys } from './unitNameKeys.ts';

const keys = new UnitNameKeys([
  { text: 'stadsdel', value: 'word' }, { text: 'stadsdelsområde', value: 'word' }, { text: 'SDN', value: 'word' }, { text: 'stad', value: 'word' },
  { text: 'nämnd', value: 'ending' }, { text: 'nämnden', value: 'ending' }, { text: 'förvaltning', value: 'ending' }, { text: 'förvaltningen', value: 'ending' },
]);

describe('a unit name as the words that say which unit', () => {
  it.each([
    ['Bromma', 'Brommas stadsdelsnämnd'], ['Bromma', 'SDN Bromma'], ['Bromma', 'Bromma stadsdelsförvaltning'], ['Bromma', 'Stadsdelsområde Bromma'],
    ['Socialnämnden Centrum', 'Socialförvaltning Centrum'], ['Nämnden för funktionsstöd', 'Förvaltningen för funktionsstöd'],
    ['Äldre samt vård- och omsorgsnämnden', 'Äldre samt vård- och omsorgsförvaltningen'], ['Västerås', 'Västerås stad'],
  ])('"%s" and "%s" are one name', (name, variant) => {
    expect(keys.key(variant)).toBe(keys.key(name));
    expect(keys.key(name)).not.toBe('');
  });

  it('keeps the words that tell units apart, and leaves nothing of a name that says only what kind of body it is', () => {
    expect(keys.key('Socialnämnden Centrum')).not.toBe(keys.key('SDN Centrum'));
    expect(keys.key('Östra Göteborg')).not.toBe(keys.key('Västra Göteborg'));
    expect(keys.key('Stadsdelsnämnden')).toBe('');
  });
});
