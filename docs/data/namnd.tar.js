// The nämnd and bolag pages (/namnd/<unit>, one template), one file each in this archive:
// data/namnd/<unit>.json. Each table of the page from its mart (src/sql/dash_namnd_*, unit_year_count,
// unit_period_count). What the build's profile may publish is decided in SQL: the marts with a profile
// column are read for this profile, and rows that mark publish_in_public false (a unit's säkerhetsskydd)
// are left out of a public build (dash_namnd_readiness, dash_namnd_programme_area).
// Each mart is read once for every unit and its rows handed to each unit's file (a query per unit and
// mart was most of a build's loader time).
import { runMartArchive } from '../../src/dashboard/martLoader.js';

await runMartArchive(async (q) => {
  const units = await q('select unit_id, name, kind, unit_group, valid_from, valid_to, is_sample from dash_namnd_unit where with_data order by unit_id');
  /** Rows of a query whose first column, unit, names the unit they belong to; by unit, in query order. */
  const byUnit = async (sql, params = []) => {
    const rows = new Map(units.map((u) => [u.unit_id, []]));
    for (const { unit, ...row } of await q(sql, params)) rows.get(unit)?.push(row);
    return rows;
  };
  const predecessors = await byUnit(`select unit_id as unit, other_unit_id as unit_id, name, change_date from dash_namnd_lineage where relation = 'predecessor' order by unit, name`);
  const successors = await byUnit(`select unit_id as unit, other_unit_id as unit_id, name, change_date from dash_namnd_lineage where relation = 'successor' order by unit, name`);
  const years = await byUnit('select distinct unit_id as unit, year from dash_namnd_readiness order by unit, year');
  const counts = await byUnit('select unit_id as unit, * exclude (unit_id) from dash_unit_year_count order by unit, year');
  const periods = await byUnit('select unit_id as unit, * exclude (unit_id) from dash_unit_period_count order by unit, year, period_order');
  const readiness = await byUnit(`select unit_id as unit, * exclude (unit_id, publish_in_public) from dash_namnd_readiness where published(publish_in_public) order by unit, year, fokus_order`);
  const goals = await byUnit('select unit_id as unit, * exclude (profile, unit_id) from dash_namnd_goal where profile = build_profile() order by unit, year, goal_order');
  const programmeAreas = await byUnit(`select unit_id as unit, * exclude (unit_id, publish_in_public, mapped_fokusomraden) from dash_namnd_programme_area where published(publish_in_public) order by unit, year, programme_area`);
  const ojTrend = await byUnit('select unit_id as unit, * exclude (unit_id, area_sort) from dash_namnd_oj_trend order by unit, area_sort, year, via_unit_id nulls first');
  const ojGapTrend = await byUnit('select unit_id as unit, * exclude (unit_id) from dash_namnd_oj_gap_trend order by unit, year');
  const ojQuestions = await byUnit('select unit_id as unit, * exclude (unit_id) from dash_namnd_oj_question order by unit, year, area_order, indicator_title');
  const ojGaps = await byUnit('select unit_id as unit, * exclude (unit_id) from dash_namnd_oj_gap order by unit, year, role, since_year, indicator_title, answering_name');
  const selfGaps = await byUnit('select unit_id as unit, * exclude (profile, unit_id) from dash_namnd_self_gap where profile = build_profile() order by unit, year, requirement_id');
  const due = await byUnit(`select unit_id as unit, year, reference_date, rule_title, requirement_text, due_date, is_passed, due_status, decision_date, decision_ref
     from dash_namnd_due where profile = build_profile() order by unit, year, due_date, rule_id`);
  const actions = await byUnit(`select unit_id as unit, year, indicator_title, answering_name, answer, has_action, action, action_owner, due_date, action_status, comment
     from dash_namnd_oj_action where profile = build_profile() order by unit, year, has_action, indicator_title, answering_name`);
  return units.map((unit) => {
    const of = (rows) => rows.get(unit.unit_id);
    return [`${unit.unit_id}.json`, {
      unit,
      predecessors: of(predecessors),
      successors: of(successors),
      years: of(years).map((r) => r.year),
      counts: of(counts),
      periods: of(periods),
      readiness: of(readiness),
      goals: of(goals),
      programmeAreas: of(programmeAreas),
      ojTrend: of(ojTrend),
      ojGapTrend: of(ojGapTrend),
      ojQuestions: of(ojQuestions),
      ojGaps: of(ojGaps),
      selfGaps: of(selfGaps),
      due: of(due),
      actions: of(actions),
    }];
  });
});
