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

/** Up to `limit` known names closest to `found`, nearest first: the suggestion in an error message. */
export function closestNames(found: string, known: Iterable<string>, limit = 3): string[] {
  const target = normalizeText(found);
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of known) {
    if (seen.has(name)) continue;
    seen.add(name);
    const candidate = normalizeText(name);
    // A name that contains the text found (or is contained in it) is a better guess than its edit distance says.
    const contains = target.length > 2 && (candidate.includes(target) || target.includes(candidate));
    const relative = distance(target, candidate) / Math.max(candidate.length, target.length, 1);
    scored.push({ name, score: contains ? relative / 2 : relative });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'sv'))
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
