import type { Database } from '../db/database.ts';
import { yearRanges } from '../db/selectionInfo.ts';
import { loadLabels } from '../config/labels.ts';
import { EmptySelectionError } from '../text/usageError.ts';

/** What a plan row says: prefilled from this year's plan, else last year's for the same gap. */
export interface PlannedAction {
  action: string | null;
  owner: string | null;
  dueDate: string | null;
  status: string | null;
  comment: string | null;
}

/** One open ÖJ gap the nämnd is responsible for (view oj_action_plan), as its row in the template. */
export interface PlanGap {
  indicatorId: string;
  question: string;
  answeringName: string;
  answer: string;
  sinceYear: number;
  reason: string;
  sharedWith: string | null;
  previous?: PlannedAction;
}

/** One nämnd's action plan template for one ÖJ year. */
export interface ActionPlanSpec {
  year: number;
  unitId: string;
  unitName: string;
  gaps: PlanGap[];
  /** Each action status's label (data/labels.csv, domain action_status), in the file's order: the dropdown. */
  statusLabels: { code: string; label: string }[];
  sample?: boolean;
}

interface GapRow {
  unit_id: string;
  unit_name: string;
  indicator_id: string;
  indicator_title: string;
  answering_name: string;
  answer: string;
  since_year: number;
  owner_reason: string;
  shared_with: string | null;
  action: string | null;
  action_owner: string | null;
  due_date: string | null;
  action_status: string | null;
  comment: string | null;
  planned: boolean;
}

/**
 * The templates `beredskap template action-plan --year Y [--unit ENHET]` writes: one per nämnd with open
 * ÖJ gaps it is responsible for that ÖJ year (oj_action_plan: its own answers' gaps and the shared and
 * others' gaps it owns, a shared gap once per owner), or the one `unitId` names. Each row is prefilled with
 * the nämnd's plan for the gap that year if it has one, else last year's for the same gap (a remaining gap
 * keeps its action until someone changes it). A selection without gaps writes nothing (EmptySelectionError).
 */
export async function loadActionPlanSpecs(db: Database, request: { year: number; unitId?: string; unitName?: string }): Promise<ActionPlanSpec[]> {
  const rows = await db.all<GapRow>(
    `select p.unit_id, u.name as unit_name, p.indicator_id, p.indicator_title, p.answering_name, p.answer, p.since_year,
            p.owner_reason, p.shared_with,
            coalesce(a.action, q.action) as action, coalesce(a.owner, q.owner) as action_owner,
            coalesce(a.due_date, q.due_date)::varchar as due_date, coalesce(a.action_status, q.action_status) as action_status,
            coalesce(a.comment, q.comment) as comment, (a.unit_id is not null or q.unit_id is not null) as planned
     from oj_action_plan p
     join org_unit u using (unit_id)
     left join oj_action a using (year, unit_id, answering_unit_id, indicator_id)
     left join oj_action q on q.year = p.year - 1 and q.unit_id = p.unit_id and q.answering_unit_id = p.answering_unit_id and q.indicator_id = p.indicator_id
     where p.year = $1 and ($2::varchar is null or p.unit_id = $2)
     order by u.name, p.indicator_title, p.answering_name`,
    [request.year, request.unitId ?? null],
  );
  if (!rows.length) {
    const years = (await db.all<{ year: number }>('select distinct year from oj_action_plan where $1::varchar is null or unit_id = $1 order by year', [request.unitId ?? null])).map((r) => r.year);
    const who = request.unitName ?? request.unitId;
    throw new EmptySelectionError(
      `Ingen mall skriven: inga öppna ÖJ-brister ${request.year}${who ? ` som ${who} ansvarar för` : ''}. ` +
        (years.length ? `År med ÖJ-brister${who ? ` för ${who}` : ''}: ${yearRanges(years)}.` : 'Inga ÖJ-brister finns något år.'),
    );
  }
  const labels = await loadLabels(db);
  const statusLabels = await db.all<{ code: string; label: string }>("select code, label from display_label where domain = 'action_status' order by sort_order");
  const specs = new Map<string, ActionPlanSpec>();
  for (const r of rows) {
    const spec = specs.get(r.unit_id) ?? specs.set(r.unit_id, { year: request.year, unitId: r.unit_id, unitName: r.unit_name, gaps: [], statusLabels }).get(r.unit_id)!;
    spec.gaps.push({
      indicatorId: r.indicator_id, question: r.indicator_title, answeringName: r.answering_name, answer: labels('answer', r.answer) ?? r.answer,
      sinceYear: r.since_year, reason: r.owner_reason, sharedWith: r.shared_with,
      previous: r.planned ? { action: r.action, owner: r.action_owner, dueDate: r.due_date, status: r.action_status, comment: r.comment } : undefined,
    });
  }
  return [...specs.values()];
}
