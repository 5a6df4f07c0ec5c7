// Årsuppföljning: per year the city's figures (goal_attainment_city; readiness_city, basis combined) and,
// per nämnd with data, its share met and attainment per fokusområde (goal_attainment), its open
// self-assessment gaps in its latest reported period of the year (self_gap) and its open ÖJ gaps (oj_gap).
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';

await runJsonLoader(async (query) => ({
  goalsCity: await query('select * from goal_attainment_city order by year, fokusomrade'),
  readinessCity: await query(
    `select year, fokusomrade, n_items, n_applicable, n_met, share_met, n_namnder_with_data, n_at_target, share_at_target
     from readiness_city where basis = 'combined' order by year, fokusomrade`,
  ),
  goals: await query(
    `select year, unit_id, fokusomrade, share_met, target_share, attainment
     from goal_attainment order by year, unit_id, fokusomrade`,
  ),
  selfGaps: await query(
    `select l.year, l.unit_id, l.period,
            count(g.requirement_id) filter (where g.gap_status <> 'atgardad')::integer as n_open,
            count(g.requirement_id) filter (where g.gap_status <> 'atgardad' and g.overdue_at_period_end)::integer as n_overdue -- as at the period's end: the report does not change with the day it is built
     from stg_self_latest_period l
     left join self_gap g on g.year = l.year and g.unit_id = l.unit_id and g.period = l.period
     where l.unit_id in (select unit_id from stg_org_namnd)
     group by all order by l.year, l.unit_id`,
  ),
  ojGaps: await query(
    `select o.year, o.unit_id,
            count(g.indicator_id) filter (where g.gap_status <> 'atgardad')::integer as n_open,
            count(g.indicator_id) filter (where g.gap_status = 'ny')::integer as n_new
     from (select distinct year, unit_id from stg_oj_item where unit_id in (select unit_id from stg_org_namnd)) o
     left join oj_gap g on g.year = o.year and g.unit_id = o.unit_id
     group by all order by o.year, o.unit_id`,
  ),
}));
