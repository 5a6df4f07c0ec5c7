import { normalizeText, smallWords } from './normalize.ts';

/** What a key column of an ÖJ result sheet says about a row's unit (data/vocab/oj_columns.csv). */
export const ojColumnRoles = ['stadsdel', 'kommun_code', 'kommun', 'lan_code', 'lan', 'code', 'name', 'n', 'ignore'] as const;
export type OjColumnRole = (typeof ojColumnRoles)[number];

/**
 * A key column header without anything but letters and digits: "Läns-\nkod", "Läns kod" and "LÄNSKOD" are
 * one header. Key headers are single words or short phrases, so nothing is lost by this.
 */
export function compactHeader(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Abbreviations and their long forms (data/vocab/header_abbreviations.csv): a long form is read as its
 * abbreviation, so "Hem för vård eller boende för barn" and "HVB för barn" are the same words.
 */
export class Abbreviations {
  private readonly forms: { words: string[]; short: string }[];

  constructor(entries: { text: string; value: string }[]) {
    this.forms = entries
      .map((e) => ({ words: headerWordList(e.text), short: normalizeText(e.value) }))
      .filter((f) => f.words.length)
      .sort((a, b) => b.words.length - a.words.length);
  }

  contract(words: string[]): string[] {
    if (!this.forms.length) return words;
    const out: string[] = [];
    for (let i = 0; i < words.length;) {
      const form = this.forms.find((f) => f.words.every((w, j) => words[i + j] === w));
      out.push(form ? form.short : words[i]!);
      i += form ? form.words.length : 1;
    }
    return out;
  }
}

const noAbbreviations = new Abbreviations([]);

/** A text's significant words in order: numbering, footnote marks, punctuation and small words dropped. */
function headerWordList(text: string): string[] {
  return normalizeText(text)
    .replace(/^(?:\p{L}+\.?\s*)?\d+\s?[a-zåäö]?\s*[.):-]\s*/u, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !smallWords.has(w) && !/^\d{1,2}$/.test(w));
}

/**
 * A header as the set of its significant words, sorted: numbering ("3.", "3a)", "Fråga 3:"), footnote marks
 * (¹ * †), parentheses, punctuation and small words dropped, long forms read as their abbreviation.
 * "Vuxna: bostad med särskild service (enl. LSS)" and "Bostad m. särskild service – LSS – vuxna" are both
 * "bostad lss service särskild vuxna".
 */
export function headerWords(text: string, abbreviations = noAbbreviations): string {
  return [...new Set(abbreviations.contract(headerWordList(text)))].sort().join(' ');
}

export type HeaderMatch =
  | { value: string; how: 'exact' | 'words' }
  | { ambiguous: string[] };

/**
 * Matches header texts against a vocabulary's spellings: first exactly (after normalizeText), then by
 * their set of significant words. A match must name one value; two values is ambiguity, never a guess.
 */
export class HeaderMatcher {
  private readonly exact = new Map<string, Set<string>>();
  private readonly byWords = new Map<string, Set<string>>();
  // A sheet's header candidates ask about the same few header texts again and again.
  private readonly matched = new Map<string, HeaderMatch | undefined>();

  constructor(entries: { text: string; value: string }[], readonly abbreviations = noAbbreviations) {
    for (const { text, value } of entries) {
      add(this.exact, normalizeText(text), value);
      add(this.byWords, headerWords(text, abbreviations), value);
    }
  }

  match(text: string): HeaderMatch | undefined {
    if (!this.matched.has(text)) {
      this.matched.set(text, pick(this.exact.get(normalizeText(text)), 'exact') ?? pick(this.byWords.get(headerWords(text, this.abbreviations)), 'words'));
    }
    return this.matched.get(text);
  }
}

/**
 * A one-level header naming area and verksamhet together ("Plan för evakuering – Särskilt boende",
 * "Evakueringsplan, SÄBO"): split at a separator, or else matched as the union of an area's and a
 * verksamhet's significant words.
 */
export class PairMatcher {
  private readonly byWords = new Map<string, Set<string>>();

  constructor(private readonly areas: HeaderMatcher, private readonly verksamheter: HeaderMatcher,
    areaEntries: { text: string; value: string }[], verksamhetEntries: { text: string; value: string }[]) {
    const verksamhetWords = verksamhetEntries.map((v) => ({ value: v.value, words: headerWords(v.text, verksamheter.abbreviations).split(' ') }));
    for (const a of areaEntries) {
      const areaWords = headerWords(a.text, areas.abbreviations).split(' ');
      for (const v of verksamhetWords) {
        const words = [...new Set([...areaWords, ...v.words].filter(Boolean))].sort().join(' ');
        add(this.byWords, words, `${a.value}\t${v.value}`);
      }
    }
  }

  private readonly matched = new Map<string, ReturnType<PairMatcher['matchOnce']>>();

  match(text: string): { area: string; verksamhet: string } | { ambiguous: string[] } | undefined {
    if (!this.matched.has(text)) this.matched.set(text, this.matchOnce(text));
    return this.matched.get(text);
  }

  private matchOnce(text: string): { area: string; verksamhet: string } | { ambiguous: string[] } | undefined {
    const parts = text.split(/\s[-–—:/]\s|:\s*|\s*\/\s*|\s[-–—]\s*|,\s*/);
    const found = new Set<string>();
    for (let cut = 1; cut < parts.length; cut++) {
      const area = this.areas.match(parts.slice(0, cut).join(' - '));
      const verksamhet = this.verksamheter.match(parts.slice(cut).join(' - '));
      if (area && 'value' in area && verksamhet && 'value' in verksamhet) found.add(`${area.value}\t${verksamhet.value}`);
    }
    if (!found.size) for (const pair of this.byWords.get(headerWords(text, this.verksamheter.abbreviations)) ?? []) found.add(pair);
    if (found.size > 1) return { ambiguous: [...found].map((p) => p.replace('\t', ' × ')) };
    const [pair] = [...found];
    if (!pair) return undefined;
    const [area, verksamhet] = pair.split('\t') as [string, string];
    return { area, verksamhet };
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  if (!key) return;
  if (!map.has(key)) map.set(key, new Set());
  map.get(key)!.add(value);
}

function pick(values: Set<string> | undefined, how: 'exact' | 'words'): HeaderMatch | undefined {
  if (!values?.size) return undefined;
  return values.size === 1 ? { value: [...values][0]!, how } : { ambiguous: [...values].sort() };
}
