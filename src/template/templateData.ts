import type { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import type { TemplateInfo } from '../self/templateLayout.ts';
import { CommandUsageError } from '../text/usageError.ts';

export interface TemplateRequirement {
  requirementId: string;
  fokusomrade: string;
  text: string;
}

/** A nämnd's earlier answer to one requirement, as self_assessment holds it. */
export interface PreviousAnswer {
  status: string;
  comment: string | null;
  plannedAction: string | null;
  owner: string | null;
  dueDate: string | null;
  decisionDate: string | null;
  decisionRef: string | null;
}

/** Everything one nämnd's template shows: whose it is, the requirements, and what to prefill. */
export interface TemplateSpec extends TemplateInfo {
  /** ISO date of the period's last day: the organisation and the names valid then. */
  periodEnd: string;
  /** The period's name as the nämnd reads it (data/labels.csv, domain period). */
  periodName: string;
  /** The requirements that apply to this unit that year (view requirement_applicability). */
  requirements: TemplateRequirement[];
  /** The fokusområden the unit gives its own judgement on (nämndens bedömning): title, and the unit's
   *  latest earlier judgement of it (any source) to prefill, if any. */
  judgementGoals: { title: string; previous?: { judgement: string; motivering: string | null } }[];
  /** The nämnd's latest report before this period, when there is one; answers to requirements in force only;
   *  its counts as every page and report shows them (unit_period_count). */
  previous?: { year: number; period: string; periodName: string; answers: Map<string, PreviousAnswer>; counts?: { requirements: number; open: number; overdue: number } };
  /** Made from a database of sample data: the template says Exempeldata. */
  sample?: boolean;
  /** Each status's label (data/labels.csv): the dropdown's choices and the prefilled answers. */
  statusLabels: Catalog['statusLabels'];
  /** Helt/delvis/ej's labels (data/labels.csv): the judgement sheet's choices. */
  attainmentLabels: Catalog['attainmentLabels'];
}

export interface TemplateRequest {
  year: number;
  period: string;
  unit?: string;
  all?: boolean;
}

interface Namnd {
  unit_id: string;
  name: string;
  kind: string;
}

const kindOrder = ['kommunstyrelse', 'stadsdelsnamnd', 'facknamnd', 'bolag'];

/**
 * The templates a request asks for: every nämnd and bolag of the organisation that exists on the
 * period's last day (setting organisation_unit_id, view stg_org_namnd), or the one whose id --unit
 * resolved to (src/cli/unitArgument.ts, as for every command). Without --unit, all of them. Each lists the requirements that
 * apply to it (requirement_applicability), so Trafiknämnden is not asked about procuring socialtjänst.
 */
export async function loadTemplateSpecs(db: Database, catalog: Catalog, request: TemplateRequest): Promise<TemplateSpec[]> {
  if (request.unit !== undefined && request.all) throw new CommandUsageError('ange antingen --unit eller --all, inte båda');
  const period = catalog.lookup('period', request.period);
  const monthDay = period ? catalog.periodEnds.get(period) : undefined;
  if (!period || !monthDay) throw new CommandUsageError(`okänd period "${request.period}": ange T1, T2 eller VB`);
  const periodEnd = `${request.year}-${monthDay}`;

  const namnder = (await db.all<Namnd>(
    `select unit_id, name, kind from stg_org_namnd
     where valid_on(valid_from, valid_to, $1::date)`,
    [periodEnd],
  )).sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.name.localeCompare(b.name, 'sv'));
  const chosen = request.unit === undefined ? namnder : [chooseNamnd(namnder, request.unit, periodEnd)];

  if (!(await db.one<{ n: number }>('select count(*)::int as n from requirement where $1 between since_year and coalesce(until_year, 9999)', [request.year]))?.n) {
    throw new CommandUsageError(`inga krav i data/requirements.csv gäller ${request.year}`);
  }
  const goals = await db.all<{ fokusomrade: string; title_sv: string }>('select fokusomrade, title_sv from fokusomrade order by sort_order');

  const specs: TemplateSpec[] = [];
  for (const n of chosen) {
    const requirements = (await db.all<{ requirement_id: string; fokusomrade: string; text_sv: string }>(
      'select requirement_id, fokusomrade, text_sv from template_requirement where year = $1 and unit_id = $2 order by sheet_order',
      [request.year, n.unit_id],
    )).map((r) => ({ requirementId: r.requirement_id, fokusomrade: r.fokusomrade, text: r.text_sv }));
    const judged = await previousJudgements(db, n.unit_id, request.year, period);
    const judgementGoals = goals.map((g) => ({ title: g.title_sv, previous: judged.get(g.fokusomrade) }));
    specs.push({
      year: request.year, period, periodName: catalog.periodLabel(period), periodEnd, unitId: n.unit_id, unitName: n.name, requirements, judgementGoals,
      previous: await previousAnswers(db, catalog, n.unit_id, request.year, period, new Set(requirements.map((r) => r.requirementId))),
      statusLabels: catalog.statusLabels,
      attainmentLabels: catalog.attainmentLabels,
    });
  }
  return specs;
}

function chooseNamnd(namnder: Namnd[], unitId: string, periodEnd: string): Namnd {
  const chosen = namnder.find((n) => n.unit_id === unitId);
  if (chosen) return chosen;
  throw new CommandUsageError(`"${unitId}" är ingen av organisationens nämnder den ${periodEnd} (nämnderna står i data/org/units.csv)`);
}

/**
 * The nämnd's own latest report before (year, period), in T1, T2, VB order across years, so that the
 * template asks it to update its answers rather than retype them. Only the unit's own rows: a nämnd
 * formed by a merger starts blank rather than inherit one predecessor's answers as if they were its own.
 * A requirement of another programme version has another id, so it is simply not prefilled.
 */
async function previousAnswers(db: Database, catalog: Catalog, unitId: string, year: number, period: string, inForce: Set<string>): Promise<TemplateSpec['previous']> {
  const prior = await priorReport(db, 'self', unitId, year, period);
  if (!prior) return undefined;
  const rows = await db.all<{ year: number; period: string; requirement_id: string; status: string; comment: string | null; planned_action: string | null; owner: string | null; due_date: string | null; decision_date: string | null; decision_ref: string | null }>(
    'select * from template_prior_answer where unit_id = $1 and year = $2 and period = $3',
    [unitId, prior.year, prior.period],
  );
  if (!rows.length) return undefined;
  const counts = await db.one<{ requirements: number; open: number; overdue: number }>(
    `select n_requirements as requirements, n_open as open, n_overdue as overdue from unit_period_count
     where profile = 'internal' and unit_id = $1 and year = $2 and period = $3`,
    [unitId, rows[0]!.year, rows[0]!.period],
  );
  return {
    year: rows[0]!.year,
    period: rows[0]!.period,
    periodName: catalog.periodLabel(rows[0]!.period),
    counts,
    answers: new Map(rows.filter((r) => inForce.has(r.requirement_id))
      .map((r) => [r.requirement_id, {
        status: r.status, comment: r.comment, plannedAction: r.planned_action, owner: r.owner, dueDate: r.due_date,
        decisionDate: r.decision_date, decisionRef: r.decision_ref,
      }])),
  };
}

/** The unit's own judgement per goal from its latest period before (year, period), to update rather than retype. */
async function previousJudgements(db: Database, unitId: string, year: number, period: string): Promise<Map<string, { judgement: string; motivering: string | null }>> {
  const prior = await priorReport(db, 'judgement', unitId, year, period);
  if (!prior) return new Map();
  const rows = await db.all<{ goal: string; judgement: string; motivering: string | null }>(
    'select goal, judgement, motivering from template_prior_judgement where unit_id = $1 and year = $2 and period = $3',
    [unitId, prior.year, prior.period],
  );
  return new Map(rows.map((r) => [r.goal, { judgement: r.judgement, motivering: r.motivering }]));
}

/** The unit's latest report of a kind before (year, period), in T1, T2, VB order across years (template_prior_report). */
async function priorReport(db: Database, kind: 'self' | 'judgement', unitId: string, year: number, period: string): Promise<{ year: number; period: string } | undefined> {
  return db.one<{ year: number; period: string }>(
    `select year, period from template_prior_report
     where report_kind = $1 and unit_id = $2 and period_rank < $3 * 100 + (select sort_order from period where period = $4)
     order by period_rank desc
     limit 1`,
    [kind, unitId, year, period],
  );
}
