import { distance } from 'fastest-levenshtein';

/**
 * The form in which header texts, names, answers and statuses are compared: lower case, NFC, every kind
 * of space and line break as one space, dashes unified and unspaced, footnote marks dropped (¹ ² ³, a
 * trailing * or (1)), since source files vary in exactly these ways from year to year.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00B9\u00B2\u00B3\u2070-\u2079]/g, '')
    .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .trim()
    .replace(/(\s*\*+|\s*\(\d{1,2}\))+$/g, '')
    .replace(/\s*-\s*/g, '-')
    .toLowerCase()
    .trim();
}

// Words that carry no meaning in a header or name; "m." and "enl." are their abbreviations.
export const smallWords = new Set(['för', 'enligt', 'enl', 'i', 'och', 'o', 'med', 'm', 'av', 'samt', 'inom', 'till', 'vid', 'på', 'som', 'en', 'ett', 'ska']);
const negations = new Set(['ej', 'inte', 'icke', 'ingen', 'inget', 'inga', 'nej', 'saknas', 'utan']);
const degrees = new Map([['helt', 'helt'], ['fullt', 'helt'], ['fullständigt', 'helt'], ['delvis', 'delvis']]);
/** What a text says about how far something holds: negated, and to which degree ("helt", "delvis"). */
const stance = (words: string[]) => ({ negated: words.some((w) => negations.has(w)), degree: words.map((w) => degrees.get(w)).find(Boolean) });
/** A text longer than this is no name: it is not compared (an edit distance over a megabyte takes seconds). */
const longestCompared = 200;

const significantWords = (normalized: string) => normalized.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !smallWords.has(w));
/** The same word, or one letter apart in a word of five letters or more ("uppfylls", "uppfyllt"). */
const sameWord = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 5 && Math.abs(a.length - b.length) <= 1 && distance(a, b) <= 1);

const opposite = (a: ReturnType<typeof stance>, b: ReturnType<typeof stance>) =>
  a.negated !== b.negated || (!!a.degree && !!b.degree && a.degree !== b.degree);

/**
 * Up to `limit` known names closest to `found`, nearest first: the suggestion in an error message. When
 * the text found shares a word with some of the names, a name that says the opposite — negated where it
 * is not, or "delvis" where it says "helt": "ej uppfyllt", "målet uppnås ej" or "Delvis uppfyllt" for
 * "Helt uppfylld" — is offered only after every other, however few letters apart: a suggestion must
 * never turn an answer around.
 */
export function closestNames(found: string, known: Iterable<string>, limit = 3): string[] {
  const target = normalizeText(found);
  if (target.length > longestCompared) return [];
  const targetWords = significantWords(target);
  const targetStance = stance(targetWords);
  const targetContent = targetWords.filter((w) => !negations.has(w) && !degrees.has(w));
  const targetSorted = [...targetWords].sort().join(' ');
  const scored: { name: string; opposite: boolean; related: boolean; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of known) {
    if (seen.has(name)) continue;
    seen.add(name);
    const candidate = normalizeText(name);
    // A name that contains the text found (or is contained in it) is a better guess than its edit distance says.
    const contains = target.length > 2 && (candidate.includes(target) || target.includes(candidate));
    const relative = distance(target, candidate) / Math.max(candidate.length, target.length, 1);
    const words = significantWords(candidate);
    // Phrases are compared as sets of words too: "Uppfyllt helt" is "Helt uppfyllt", though an edit distance apart.
    const sorted = [...words].sort().join(' ');
    const reordered = targetWords.length > 1 && words.length > 1 ? distance(targetSorted, sorted) / Math.max(sorted.length, targetSorted.length, 1) : Infinity;
    scored.push({
      name, opposite: opposite(targetStance, stance(words)), related: words.some((w) => targetContent.some((t) => sameWord(t, w))),
      score: Math.min(contains ? relative / 2 : relative, reordered),
    });
  }
  // The stance matters where the text found is about something the names speak of ("uppfyllt"); "Kanske" is not.
  const related = scored.some((s) => s.related);
  const inverted = (s: (typeof scored)[number]) => Number(related && s.opposite);
  return scored
    .sort((a, b) => inverted(a) - inverted(b) || a.score - b.score || a.name.localeCompare(b.name, 'sv'))
    .slice(0, limit)
    .map((s) => s.name);
}

/** ASCII slug, as unit ids are written ("Hägersten-Älvsjö" → "hagersten-alvsjo"). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "menade du X?" when something close enough is known, else nothing. */
export function didYouMean(found: string, known: Iterable<string>): string {
  const [best] = closestNames(found, known, 1);
  if (!best) return '';
  // Far-off names are no help: "menade du init?" for "xyz" only confuses.
  const a = found.replace(/^-+/, '').toLowerCase();
  const b = best.replace(/^-+/, '').toLowerCase();
  const close = b.startsWith(a.slice(0, 3)) || a.includes(b) || b.includes(a) || distance(a, b) <= Math.max(2, Math.floor(b.length / 3));
  return close ? ` – menade du ${best}?` : '';
}
