// Översikt: every nämnd and bolag counted that year × fokusområde × year, with the change since the year
// before where comparable (dash_overview_readiness; a public build leaves out the per-unit figures of
// the fokusområden published only as aggregates), and the city's counts of beräknad måluppfyllelse per
// unit group (goal_attainment_city).
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  readiness: await q('select * exclude (publish_in_public) from dash_overview_readiness where published(publish_in_public) order by year, unit_id, fokusomrade'),
  goalsCity: await q('select * from dash_goal_attainment_city order by year, unit_group desc, goal_order'),
}));
