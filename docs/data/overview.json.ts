// Översikt: every nämnd × fokusområde × year (readiness, basis combined) with the change since the
// year before where comparable (readiness_change), and the city's måluppfyllnad counts (goal_attainment_city).
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';

await runJsonLoader(async (query) => ({
  readiness: await query(
    `select r.year, r.unit_id, r.fokusomrade, r.n_items, r.n_applicable, r.n_met, r.share_met,
            c.previous_share_met as share_met_previous,
            c.change, -- NULL across a series break, a programme change or a change of sources
            c.not_comparable_reason
     from readiness r
     join readiness_change c using (year, unit_id, fokusomrade, basis)
     where r.basis = 'combined'
       and r.unit_id in (select unit_id from stg_org_namnd)
     order by r.year, r.unit_id, r.fokusomrade`,
  ),
  goalsCity: await query('select * from goal_attainment_city order by year, fokusomrade'),
}));
