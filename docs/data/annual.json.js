// Årsuppföljning: per year the city's figures (goal_attainment_city; readiness_city, basis combined), the
// nämnder in force or with data (dash_annual_namnd) and, per nämnd, its attainment (dash_goal_attainment), its open and overdue self-assessment gaps
// (dash_annual_self_gap) and its open and new ÖJ gaps (dash_annual_oj_gap).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  goalsCity: await q('select * from goal_attainment_city order by year, fokusomrade'),
  readinessCity: await q(
    `select year, fokusomrade, n_items, n_applicable, n_met, share_met, n_namnder_with_data, n_at_target, share_at_target
     from readiness_city where basis = 'combined' order by year, fokusomrade`,
  ),
  namnder: await q('select * exclude (sort_order) from dash_annual_namnd order by year, sort_order'),
  goals: await q('select year, unit_id, fokusomrade, share_met, target_share, attainment from dash_goal_attainment order by year, unit_id, fokusomrade'),
  selfGaps: await q('select * from dash_annual_self_gap order by year, unit_id'),
  ojGaps: await q('select * from dash_annual_oj_gap order by year, unit_id'),
}));
