// Stadsledning: the city against its comparison groups across every ÖJ cell (dash_comparison_position_count,
// and the cells that changed position: dash_leadership_changed), both måluppfyllelse figures per unit
// group against last year (dash_leadership_attainment), who has reported for the current period
// (dash_leadership_reporting), the requirements most often unmet (dash_leadership_requirement) and the
// consistency flags (dash_leadership_consistency), the deadlines and how many units met them (dash_due_city);
// each as the build's profile may publish it.
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  positionCounts: await q(
    'select * from dash_comparison_position_count where is_standing_group order by year, sort_order',
  ),
  changed: await q('select * exclude (sort_order) from dash_leadership_changed order by year, comparator_id, sort_order'),
  attainment: await q('select * exclude (profile) from dash_leadership_attainment where profile = build_profile() order by year, unit_group desc, measure, goal_order'),
  reporting: await q('select * from dash_leadership_reporting order by unit_group desc, reported, name'),
  requirements: await q(
    `select * exclude (profile) from dash_leadership_requirement
     where profile = build_profile() order by year, unit_group desc, rank_unmet, requirement_id`,
  ),
  consistency: await q(
    `select * exclude (publish_in_public) from dash_leadership_consistency
     where published(publish_in_public) order by year, unit_group desc, kind, name, requirement_id, goal`,
  ),
  due: await q('select * exclude (profile) from dash_due_city where profile = build_profile() order by year, due_date, rule_id, unit_group desc'),
}), { columns: true });
