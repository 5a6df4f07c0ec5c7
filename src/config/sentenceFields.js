// @ts-check
// What a sentence template of data/annual_sentences.csv may name: the topics of view
// annual_sentence_input (and the section of the annual follow-up each opens), its placeholders (columns
// of that view) with how each is written, and the conditions a template may carry. Plain JavaScript:
// the configuration check (src/config/loadConfig.ts), the document (annualDocument.js) and the
// dashboard's loader (run by node without a compiler) share it.

/** Each topic of annual_sentence_input and the section its sentences open. */
export const sentenceTopics = /** @type {const} */ ({
  bedomning_namnd: 'sammanfattning',
  bedomning_bolag: 'sammanfattning',
  andel_namnd: 'sammanfattning',
  andel_bolag: 'sammanfattning',
  oj_omrade: 'oj',
  ej_rapporterat_namnd: 'rapportering',
  ej_rapporterat_bolag: 'rapportering',
  utan_bedomning_namnd: 'rapportering',
  utan_bedomning_bolag: 'rapportering',
  krav_namnd: 'krav',
  krav_bolag: 'krav',
  enheter_att_ta_upp: 'enheter',
  enhet_ingen_rapport: 'enheter',
  enhet_forsenade: 'enheter',
  enhet_oj_brister: 'enheter',
  enhet_ingen_bedomning: 'enheter',
  enhet_bedomning_avviker: 'enheter',
});

/**
 * Each placeholder, a column of annual_sentence_input, and how a sentence writes it: count (sv-SE
 * integer), share (per cent, as the dashboard writes it), pp (percentage points, one decimal), year,
 * text (as stored).
 * @type {Record<string, 'count' | 'share' | 'pp' | 'year' | 'text'>}
 */
export const sentencePlaceholders = {
  year: 'year',
  subject_id: 'text',
  subject: 'text',
  n: 'count',
  m: 'count',
  n_delvis: 'count',
  n_ej: 'count',
  n_none: 'count',
  previous_year: 'year',
  previous_n: 'count',
  previous_m: 'count',
  change_n: 'count',
  change_n_abs: 'count',
  share: 'share',
  n_items: 'count',
  share_riket: 'share',
  share_lan: 'share',
  lan: 'text',
  share_kommungrupp: 'share',
  kommungrupp: 'text',
  previous_share: 'share',
  change_pp: 'pp',
  change_pp_abs: 'pp',
  not_comparable: 'text',
  judgement: 'text',
  computed: 'text',
};

/** The placeholders a template names, in order: "{n} av {m}" → ["n", "m"]. */
export const templatePlaceholders = (/** @type {string} */ template) => [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');

const operators = ['<=', '>=', '<>', '=', '<', '>'];

/**
 * @typedef {{ field: string, op?: string, value?: number | string | { field: string } }} Clause
 * A condition: clauses joined by " och ", each "FÄLT" (it has a value), or "FÄLT OP VÄRDE" with OP one
 * of < <= = >= > <> and VÄRDE a number, another placeholder or a 'word'. Empty: always.
 * @param {string | null} text
 * @returns {{ clauses: Clause[] } | { problem: string, found: string }}
 */
export function parseCondition(text) {
  /** @type {Clause[]} */
  const clauses = [];
  for (const part of (text ?? '').split(/\s+och\s+/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z_]+)\s*(?:(<=|>=|<>|=|<|>)\s*(-?\d+(?:\.\d+)?|[a-z_]+|'[^']*'))?$/.exec(part);
    if (!m) return { problem: `villkoret ska skrivas FÄLT, eller FÄLT följt av ${operators.join(' ')} och ett tal, ett fält eller 'ett ord'; flera delar förenas med "och"`, found: part };
    const [, field = '', op, raw] = m;
    if (!(field in sentencePlaceholders)) return { problem: 'okänt fält i villkoret', found: field };
    if (raw !== undefined && /^[a-z_]+$/.test(raw) && !(raw in sentencePlaceholders)) return { problem: 'okänt fält i villkoret', found: raw };
    const value = raw === undefined ? undefined
      : /^'/.test(raw) ? raw.slice(1, -1)
      : /^-?\d/.test(raw) ? Number(raw)
      : { field: raw };
    clauses.push({ field, op, value });
  }
  return { clauses };
}

/**
 * Whether a row of annual_sentence_input meets the clauses: a field named must have a value, and a
 * comparison holds only between values that exist.
 * @param {Clause[]} clauses
 * @param {Record<string, unknown>} row
 */
export function conditionHolds(clauses, row) {
  return clauses.every(({ field, op, value }) => {
    const left = row[field];
    if (left === null || left === undefined) return false;
    if (op === undefined) return true;
    const right = typeof value === 'object' ? row[value.field] : value;
    if (right === null || right === undefined) return false;
    const [a, b] = typeof right === 'number' ? [Number(left), right] : [String(left), String(right)];
    switch (op) {
      case '<': return a < b;
      case '<=': return a <= b;
      case '>': return a > b;
      case '>=': return a >= b;
      case '<>': return a !== b;
      default: return a === b;
    }
  });
}
