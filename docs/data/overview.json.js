// Översikt: every nämnd × fokusområde × year with the change since the year before where comparable
// (dash_overview_readiness), and the city's måluppfyllnad counts (goal_attainment_city).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  readiness: await q('select * from dash_overview_readiness order by year, unit_id, fokusomrade'),
  goalsCity: await q('select * from goal_attainment_city order by year, fokusomrade'),
}));
