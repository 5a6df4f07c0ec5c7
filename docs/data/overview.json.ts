// Översikt: every nämnd × fokusområde × year (readiness, basis combined) with the change since the
// year before, and the city's måluppfyllnad counts (goal_attainment_city).
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';

await runJsonLoader(async (query) => ({
  readiness: await query(
    `select r.year, r.unit_id, r.fokusomrade, r.n_items, r.n_applicable, r.n_met, r.share_met,
            p.share_met as share_met_previous,
            r.share_met - p.share_met as change
     from readiness r
     left join readiness p on p.unit_id = r.unit_id and p.fokusomrade = r.fokusomrade and p.basis = r.basis and p.year = r.year - 1 -- same unit only: a merged unit has no "last year" of its own
     where r.basis = 'combined'
       and r.unit_id in (select unit_id from stg_org_namnd)
     order by r.year, r.unit_id, r.fokusomrade`,
  ),
  goalsCity: await query('select * from goal_attainment_city order by year, fokusomrade'),
}));
