// Årsuppföljning: per year the city's figures per unit group, nämnder and bolag apart: nämndens bedömning
// (judgement_city) and beräknad måluppfyllelse (goal_attainment_city), and readiness_city (basis combined);
// per nämnd and bolag of the year its counts (unit_year_count: the same counts as its own page, report
// and export) and its attainment (dash_goal_attainment). A public build leaves out per-unit figures of
// the fokusområden published only as aggregates.
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  goalsCity: await q('select * exclude (profile) from goal_attainment_city where profile = build_profile() order by year, unit_group desc, goal_order'),
  judgementCity: await q('select * from judgement_city order by year, unit_group desc, goal'),
  readinessCity: await q(
    `select year, fokusomrade, unit_group, n_items, n_applicable, n_met, share_met, n_namnder_with_data, n_at_target, share_at_target
     from readiness_city where basis = 'combined' and published(publish_in_public) order by year, unit_group desc, fokusomrade`,
  ),
  units: await q('select * exclude (profile, sort_order) from unit_year_count where profile = build_profile() order by year, sort_order'),
  goals: await q(
    `select year, unit_id, fokusomrade, share_met, target_share, attainment from dash_goal_attainment
     where published(publish_in_public) order by year, unit_id, fokusomrade`,
  ),
}));
