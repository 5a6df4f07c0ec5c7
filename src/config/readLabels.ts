import type { DuckDBValue } from '@duckdb/node-api';
import type { ProblemList } from '../text/problems.ts';
import { closestNames } from '../text/normalize.ts';
import { labelDomains } from './labelDomains.ts';
import type { ConfigRecord } from './readConfigTable.ts';

const file = 'labels.csv';

/**
 * The rows of table display_label from labels.csv: (domain, code, symbol, label, sort_order), sort_order
 * the file's order within the domain. Every code a domain needs has exactly one non-empty label, so no
 * page or report ever falls back to showing a code. A status label is what the self-assessment template
 * offers in its dropdown, so it must read back as its own status (`statusOf`: vocab self_status); so must
 * an attainment label, offered as nämndens bedömning (`judgementOf`: vocab judgement), and an action
 * status label, offered in an action plan (`actionStatusOf`: vocab action_status).
 */
export function readLabels(
  records: ConfigRecord[],
  context: {
    unitKinds: Iterable<string>;
    periods: Iterable<string>;
    statusOf: (text: string) => string | undefined;
    judgementOf: (text: string) => string | undefined;
    actionStatusOf: (text: string) => string | undefined;
  },
  problems: ProblemList,
): DuckDBValue[][] {
  const codesOf = (domain: string): readonly string[] => {
    const codes = labelDomains[domain]!;
    if (codes === 'org_unit_kinds') return [...context.unitKinds];
    return codes === 'config_periods' ? [...context.periods] : codes;
  };
  const seen = new Map<string, number>();
  const perDomain = new Map<string, number>();
  const rows: DuckDBValue[][] = [];
  for (const r of records) {
    const domain = r.get('domain');
    const code = r.get('code');
    const label = r.get('label');
    if (!domain || !code) continue;
    if (!(domain in labelDomains)) {
      problems.add({ file, row: r.line, column: 'domain', found: domain, message: 'okänd domän', suggestions: closestNames(domain, Object.keys(labelDomains)) });
      continue;
    }
    // A label for a unit kind or period the configuration does not use yet is harmless; a missing one is
    // caught below.
    const known = codesOf(domain);
    if (typeof labelDomains[domain] !== 'string' && !known.includes(code)) {
      problems.add({ file, row: r.line, column: 'code', found: code, message: `okänd kod i domänen ${domain}`, suggestions: closestNames(code, known) });
      continue;
    }
    const key = `${domain}/${code}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.add({ file, row: r.line, column: 'code', found: code, message: `${domain} ${code} har redan en etikett på rad ${earlier}; en kod har en etikett` });
      continue;
    }
    seen.set(key, r.line);
    // The template offers status and attainment labels in its dropdown lists, so each must read back as its own code.
    const offered = domain === 'status'
      ? { list: 'statuslista', readBack: context.statusOf, vocab: 'vocab/self_statuses.csv' }
      : domain === 'attainment'
        ? { list: 'lista för nämndens bedömning', readBack: context.judgementOf, vocab: 'vocab/judgements.csv' }
        : domain === 'action_status'
          ? { list: 'statuslista för åtgärder', readBack: context.actionStatusOf, vocab: 'vocab/action_statuses.csv' }
          : undefined;
    if (offered && label.includes(',')) {
      problems.add({ file, row: r.line, column: 'label', found: label, message: `mallens ${offered.list} skiljer valen åt med komma, så etiketten får inte innehålla något` });
    } else if (offered && label && offered.readBack(label) !== code) {
      problems.add({
        file, row: r.line, column: 'label', found: label,
        message: `mallens ${offered.list} erbjuder etiketten, så den ska läsas som ${code}`,
        fix: `Lägg till raden ${label},${code} i ${offered.vocab}.`,
      });
    }
    const order = (perDomain.get(domain) ?? 0) + 1;
    perDomain.set(domain, order);
    rows.push([domain, code, r.opt('symbol'), label, order]);
  }
  for (const domain of Object.keys(labelDomains)) {
    for (const code of codesOf(domain)) {
      if (!seen.has(`${domain}/${code}`)) {
        problems.add({ file, found: `${domain} ${code}`, message: 'etikett saknas', fix: `Lägg till raden ${domain},${code},,ETIKETT i ${file}.` });
      }
    }
  }
  return rows;
}
