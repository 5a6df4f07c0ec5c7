// Måluppfyllnad: target, actual, the share where delvis begins and helt/delvis/ej per year × nämnd ×
// fokusområde (dash_goal_attainment), the city's counts (goal_attainment_city) and the thresholds in
// force per year and fokusområde as the view applied them (dash_goal_threshold).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  goals: await q('select * from dash_goal_attainment order by year, unit_id, fokusomrade'),
  city: await q('select * from goal_attainment_city order by year, fokusomrade'),
  thresholds: await q('select * from dash_goal_threshold order by year, fokusomrade, n_namnder desc'),
}));
