import type { Catalog } from '../config/catalog.ts';
import type { CellValue } from '../text/grid.ts';
import { Abbreviations, compactHeader, HeaderMatcher, PairMatcher, type OjColumnRole } from '../text/headerWords.ts';

const strongAnswers = new Set(['ja', 'nej', 'delvis', 'pagar']);

/**
 * The matchers and lookups one workbook's reading needs, built once from the catalog. A national sheet
 * repeats a few dozen distinct texts thousands of times, so each question is answered once per text.
 */
export class Vocabulary {
  readonly areas: HeaderMatcher;
  readonly verksamheter: HeaderMatcher;
  readonly pairs: PairMatcher;
  private readonly keyRoles = new Map<string, OjColumnRole>();
  private readonly keyRoleOf = new Map<string, OjColumnRole | undefined>();
  private readonly strongAnswerOf = new Map<string, boolean>();

  constructor(readonly catalog: Catalog) {
    const abbreviations = new Abbreviations(catalog.entries('header_abbreviation'));
    this.areas = new HeaderMatcher(catalog.entries('oj_area'), abbreviations);
    this.verksamheter = new HeaderMatcher(catalog.entries('oj_verksamhet'), abbreviations);
    this.pairs = new PairMatcher(this.areas, this.verksamheter, catalog.entries('oj_area'), catalog.entries('oj_verksamhet'));
    for (const e of catalog.entries('oj_column')) this.keyRoles.set(compactHeader(e.text), e.value as OjColumnRole);
  }

  keyRole(text: string): OjColumnRole | undefined {
    if (!text) return undefined;
    if (!this.keyRoleOf.has(text)) this.keyRoleOf.set(text, this.keyRoles.get(compactHeader(text)));
    return this.keyRoleOf.get(text);
  }

  isStrongAnswer(value: CellValue): boolean {
    if (typeof value !== 'string') return false;
    let strong = this.strongAnswerOf.get(value);
    if (strong === undefined) this.strongAnswerOf.set(value, (strong = strongAnswers.has(this.catalog.lookup('oj_answer', value) ?? '')));
    return strong;
  }

  /** A number or a per-cent text: what a published share looks like. */
  isShareLike(value: CellValue): boolean {
    if (typeof value === 'number') return value >= 0 && value <= 100;
    return typeof value === 'string' && /^\d{1,3}([.,]\d+)?\s*%/.test(value.trim());
  }
}

const vocabularies = new WeakMap<Catalog, Vocabulary>();
export function vocabularyOf(catalog: Catalog): Vocabulary {
  let v = vocabularies.get(catalog);
  if (!v) vocabularies.set(catalog, (v = new Vocabulary(catalog)));
  return v;
}
