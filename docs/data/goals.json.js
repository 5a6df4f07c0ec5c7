// Måluppfyllelse: target, actual, the share where delvis begins and helt/delvis/ej per year × nämnd or
// bolag × fokusområde (dash_goal_attainment; a public build leaves out the per-unit figures of the
// fokusområden published only as aggregates), the city's counts per unit group (goal_attainment_city)
// and the thresholds in force per year and fokusområde as the view applied them (dash_goal_threshold).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  goals: await q('select * exclude (publish_in_public) from dash_goal_attainment where published(publish_in_public) order by year, unit_id, fokusomrade'),
  city: await q('select * from dash_goal_attainment_city order by year, unit_group desc, goal_order'),
  thresholds: await q('select * from dash_goal_threshold order by year, fokusomrade, n_namnder desc'),
}));
