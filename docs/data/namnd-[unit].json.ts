// One nämnd's page (/namnd/<unit>): the nämnd itself and its lineage, readiness per fokusområde and basis
// over the years, måluppfyllnad, the ÖJ trend per area (oj_trend, predecessors and series breaks), its
// open self-assessment gaps in the latest reported period of each year (self_gap) and its ÖJ gaps
// (oj_gap). The unit comes as --unit=<unit_id> and is bound as a parameter.
import { parseArgs } from 'node:util';
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';
import { buildProfile } from '../../src/dashboard/profile.ts';

const { values } = parseArgs({ options: { unit: { type: 'string' } } });
const unit = values.unit;
if (!unit) throw new Error('namnd-[unit].json: --unit=<unit_id> saknas');

await runJsonLoader(async (query) => {
  const [namnd] = await query(
    `select unit_id, name, kind, valid_from::varchar as valid_from, valid_to::varchar as valid_to
     from stg_org_namnd where unit_id = $1`,
    [unit],
  );
  if (!namnd) throw new Error(`Nämnden ${unit} finns inte bland organisationens nämnder`);
  return {
    unit: namnd,
    predecessors: await query(
      `select l.predecessor_id as unit_id, u.name, l.change_date::varchar as change_date
       from org_lineage l join org_unit u on u.unit_id = l.predecessor_id
       where l.successor_id = $1 order by u.name`,
      [unit],
    ),
    successors: await query(
      `select l.successor_id as unit_id, u.name, l.change_date::varchar as change_date
       from org_lineage l join org_unit u on u.unit_id = l.successor_id
       where l.predecessor_id = $1 order by u.name`,
      [unit],
    ),
    years: (await query('select distinct year from readiness where unit_id = $1 order by year', [unit])).map((r) => r.year),
    readiness: await query(
      `select r.year, r.fokusomrade, r.basis, r.n_items, r.n_applicable, r.n_met, r.share_met, r.programme_version,
              c.not_comparable_reason,
              -- a new line segment wherever the year is not comparable with the one before (readiness_change)
              count(*) filter (where not c.comparable) over (partition by r.fokusomrade, r.basis order by r.year) as segment
       from readiness r join readiness_change c using (year, unit_id, fokusomrade, basis)
       where r.unit_id = $1 order by r.year, r.fokusomrade, r.basis`,
      [unit],
    ),
    goals: await query(
      `select year, fokusomrade, share_met, target_share, delvis_within_pp, attainment
       from goal_attainment where unit_id = $1 order by year, fokusomrade`,
      [unit],
    ),
    ojYears: (await query('select distinct year from stg_oj_item where unit_id = $1 order by year', [unit])).map((r) => r.year),
    ojTrend: await query(
      `select t.year, t.area, a.title_sv as area_title, t.via_unit_id, v.name as via_name,
              t.n_cells, t.n_ja, t.n_applicable, t.n_unanswered, t.share_ja, t.series, t.break_before
       from oj_trend t
       join oj_area a on a.area = t.area
       left join org_unit v on v.unit_id = t.via_unit_id
       where t.unit_id = $1
       order by a.sort_order, t.year, t.via_unit_id nulls first`,
      [unit],
    ),
    ojGaps: await query(
      `select g.year, g.indicator_id, i.title_sv as indicator_title, g.fokusomrade, g.answer, g.gap_status, g.since_year
       from oj_gap g join indicator i on i.indicator_id = g.indicator_id
       where g.unit_id = $1 and g.gap_status <> 'atgardad'
       order by g.year, i.title_sv`,
      [unit],
    ),
    // the latest period the nämnd reported in each year (a period without gaps still counts as reported)
    selfPeriods: await query(
      `select year, period from stg_self_latest_period where unit_id = $1 order by year`,
      [unit],
    ),
    selfGaps: await query(
      `select g.year, g.period, g.requirement_id, g.fokusomrade, g.requirement_text, g.status,
              -- free text and owners only in an internal build (BEREDSKAP_PROFILE)
              case when $2 = 'internal' then g.comment end as comment,
              case when $2 = 'internal' then g.planned_action end as planned_action,
              case when $2 = 'internal' then g.owner end as owner,
              case when $2 = 'internal' then g.due_date::varchar end as due_date,
              case when $2 = 'internal' then g.overdue end as overdue,
              g.gap_status, g.since_year, g.since_period
       from self_gap g join stg_self_latest_period l using (year, unit_id, period)
       where g.unit_id = $1 and g.gap_status <> 'atgardad'
         and ($2 = 'internal' or g.fokusomrade not in (select unnest(string_split(value, '|')) from setting where key = 'public_aggregate_only')) -- aggregate only in public
       order by g.year, g.requirement_id`,
      [unit, buildProfile()],
    ),
  };
});
