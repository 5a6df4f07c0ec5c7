// Måluppfyllnad: target, actual and helt/delvis/ej per year × nämnd × fokusområde (goal_attainment), the
// city's counts (goal_attainment_city, with 'samtliga'), and the thresholds in force per year and
// fokusområde as the view applied them (target_share, delvis_within_pp), for the page's explanation.
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';

await runJsonLoader(async (query) => ({
  goals: await query(
    `select year, unit_id, fokusomrade, share_met, n_applicable, target_share, delvis_within_pp, attainment
     from goal_attainment order by year, unit_id, fokusomrade`,
  ),
  city: await query('select * from goal_attainment_city order by year, fokusomrade'),
  thresholds: await query(
    `select year, fokusomrade, target_share, delvis_within_pp, count(*)::integer as n_namnder
     from goal_attainment where target_share is not null
     group by all order by year, fokusomrade, n_namnder desc`,
  ),
}));
