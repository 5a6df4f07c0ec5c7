import type { DuckDBValue } from '@duckdb/node-api';
import type { ProblemList } from '../text/problems.ts';
import { calendarDate } from '../text/validRanges.ts';
import { closestNames } from '../text/normalize.ts';
import type { ConfigRecord } from './readConfigTable.ts';

type Rows = DuckDBValue[][];

const files = { periods: 'mandate_periods.csv', rules: 'due_rules.csv' } as const;

/** How a rule's due dates follow from the mandate periods (migration 007, view stg_due_occurrence). */
export const dueRuleKinds = ['forsta_aret', 'aret_efter_val', 'mandatperiod', 'arligen'] as const;

export interface Calendar {
  /** Rows of mandate_period and due_rule. */
  mandatePeriods: Rows;
  dueRules: Rows;
  ruleIds: Set<string>;
}

/**
 * The mandate periods and the deadlines counted from them. Refused, naming file, row and column: a period
 * ending before it starts or starting before its election year, two periods that overlap or one election
 * twice; a rule of an unknown kind, a month-day that is not a day of every year (02-29 is not), a
 * due_month_day missing where the kind needs one or given where it has no meaning, a rule id twice.
 */
export function readCalendar(records: { periods: ConfigRecord[]; rules: ConfigRecord[] }, problems: ProblemList): Calendar {
  const periods: { election: number; start: string; end: string; line: number }[] = [];
  const mandatePeriods: Rows = [];
  for (const r of records.periods) {
    const election = r.int('election_year');
    const start = r.date('mandate_start');
    const end = r.date('mandate_end');
    if (election === null || start === null || end === null) continue;
    if (end < start) problems.add({ file: files.periods, row: r.line, column: 'mandate_end', found: end, message: `mandatperioden slutar före sin start ${start}` });
    if (Number(start.slice(0, 4)) < election) problems.add({ file: files.periods, row: r.line, column: 'mandate_start', found: start, message: `mandatperioden börjar före valåret ${election}` });
    periods.push({ election, start, end, line: r.line });
    mandatePeriods.push([election, start, end, r.opt('source') === 'exempel']);
  }
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  sorted.forEach((p, i) => {
    const before = sorted[i - 1];
    if (before && p.start <= before.end) {
      problems.add({ file: files.periods, row: p.line, column: 'mandate_start', found: p.start, message: `mandatperioden överlappar valåret ${before.election}s (rad ${before.line}, till ${before.end}); en dag hör till högst en mandatperiod` });
    }
  });
  const elections = new Map<number, number>();
  for (const p of periods) {
    const earlier = elections.get(p.election);
    if (earlier !== undefined) problems.add({ file: files.periods, row: p.line, column: 'election_year', found: String(p.election), message: `valåret finns redan på rad ${earlier}` });
    else elections.set(p.election, p.line);
  }

  const ruleIds = new Set<string>();
  const dueRules: Rows = [];
  for (const r of records.rules) {
    const id = r.get('rule_id');
    const kind = r.get('kind');
    if (ruleIds.has(id)) problems.add({ file: files.rules, row: r.line, column: 'rule_id', found: id, message: 'regeln finns redan' });
    ruleIds.add(id);
    if (!(dueRuleKinds as readonly string[]).includes(kind)) {
      problems.add({ file: files.rules, row: r.line, column: 'kind', found: kind, message: 'okänt slag av tidsfrist', suggestions: closestNames(kind, dueRuleKinds) });
    }
    const monthDay = (column: string) => {
      const v = r.opt(column);
      const [, m, d] = /^(\d{2})-(\d{2})$/.exec(v ?? '') ?? [];
      // a non-leap year: a deadline must fall every year
      if (v !== null && (m === undefined || !calendarDate(2001, Number(m), Number(d)))) {
        problems.add({ file: files.rules, row: r.line, column, found: v, message: 'månad och dag ska skrivas MM-DD och finnas varje år (inte 02-29)' });
      }
      return v;
    };
    const due = monthDay('due_month_day');
    const opens = monthDay('opens_month_day');
    if (kind === 'aret_efter_val' && due === null) problems.add({ file: files.rules, row: r.line, column: 'due_month_day', message: 'värde saknas: året efter valåret behöver en dag (MM-DD)' });
    if ((kind === 'forsta_aret' || kind === 'mandatperiod') && due !== null) {
      problems.add({ file: files.rules, row: r.line, column: 'due_month_day', found: due, message: `${kind} räknas från mandatperioden och tar ingen dag; lämna kolumnen tom` });
    }
    if (kind !== 'arligen' && opens !== null) problems.add({ file: files.rules, row: r.line, column: 'opens_month_day', found: opens, message: 'bara en årlig tidsfrist (arligen) har en dag då perioden börjar; lämna kolumnen tom' });
    dueRules.push([id, kind, kind === 'arligen' ? due ?? '12-31' : due, kind === 'arligen' ? opens ?? '01-01' : null, r.get('title_sv'), r.opt('source') === 'exempel']);
  }
  return { mandatePeriods, dueRules, ruleIds };
}
