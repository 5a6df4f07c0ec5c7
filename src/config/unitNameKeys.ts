import { normalizeText, smallWords } from '../text/normalize.ts';

/** How a word of data/vocab/unit_name_words.csv is left out of a unit's name: on its own, or also ending a compound. */
export const unitNameWordKinds = ['word', 'ending'] as const;

/**
 * A unit's name as the words that say which unit it is: "Brommas stadsdelsnämnd", "SDN Bromma" and
 * "Bromma stadsdelsförvaltning" are all "bromma", "Socialförvaltning Centrum" and "Socialnämnden Centrum"
 * both "centrum social". Small words and the words of unit_name_words.csv are left out (an ending also
 * from the end of a compound, with its linking s), and a final s of every word, so a genitive costs
 * nothing; the rest is compared as a set. Both sides of a comparison go through the same key, so a
 * name that really ends in s ("Västerås") still meets itself.
 */
export class UnitNameKeys {
  private readonly dropped = new Set<string>();
  private readonly endings: string[];
  private readonly cache = new Map<string, string[]>();

  constructor(entries: { text: string; value: string }[]) {
    for (const e of entries) this.dropped.add(normalizeText(e.text));
    // Longest first: "förvaltningen" before "förvaltning".
    this.endings = entries.filter((e) => e.value === 'ending').map((e) => normalizeText(e.text)).sort((a, b) => b.length - a.length);
  }

  /** The name's identifying words, sorted and without repeats; empty when nothing identifies a unit. */
  words(name: string): string[] {
    let words = this.cache.get(name);
    if (!words) {
      const kept = new Set<string>();
      for (const word of normalizeText(name).split(/[^\p{L}\p{N}]+/u)) {
        const stem = this.stem(word);
        if (stem) kept.add(stem);
      }
      this.cache.set(name, (words = [...kept].sort()));
    }
    return words;
  }

  key(name: string): string {
    return this.words(name).join(' ');
  }

  private stem(word: string): string | undefined {
    if (!word || smallWords.has(word) || this.dropped.has(word)) return undefined;
    const ending = this.endings.find((e) => word.length > e.length && word.endsWith(e));
    const base = withoutFinalS(ending ? word.slice(0, -ending.length) : word);
    return this.dropped.has(base) ? undefined : base;
  }
}

/** "brommas" → "bromma"; a short word keeps its s ("sos"). */
const withoutFinalS = (word: string) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);
