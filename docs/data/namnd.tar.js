// The nämnd pages (/namnd/<unit>, one template), one file each in this archive: data/namnd/<unit>.json.
// Each table of the page from its mart (src/sql/dash_namnd_*, dash_goal_attainment, unanswered_share,
// stg_self_latest_period), the unit bound as a parameter; self-assessment gaps as the build's profile
// may publish them (dash_namnd_self_gap).
import { loaderProfile, runMartArchive } from '../../src/dashboard/martLoader.js';

const profile = loaderProfile();
await runMartArchive(async (q) => {
  const units = await q('select unit_id, name, kind, valid_from, valid_to from dash_namnd_unit where with_data order by unit_id');
  const entries = [];
  for (const unit of units) {
    const of = (sql, params = []) => q(sql, [unit.unit_id, ...params]);
    entries.push([`${unit.unit_id}.json`, {
      unit,
      predecessors: await of(`select other_unit_id as unit_id, name, change_date from dash_namnd_lineage where unit_id = $1 and relation = 'predecessor' order by name`),
      successors: await of(`select other_unit_id as unit_id, name, change_date from dash_namnd_lineage where unit_id = $1 and relation = 'successor' order by name`),
      years: (await of('select distinct year from dash_namnd_readiness where unit_id = $1 order by year')).map((r) => r.year),
      readiness: await of('select * exclude (unit_id) from dash_namnd_readiness where unit_id = $1 order by year, fokusomrade, basis'),
      goals: await of('select year, fokusomrade, share_met, target_share, delvis_within_pp, attainment from dash_goal_attainment where unit_id = $1 order by year, fokusomrade'),
      ojYears: (await of('select year from unanswered_share where unit_id = $1 order by year')).map((r) => r.year),
      ojTrend: await of('select * exclude (unit_id, area_sort) from dash_namnd_oj_trend where unit_id = $1 order by area_sort, year, via_unit_id nulls first'),
      ojGaps: await of('select * exclude (unit_id) from dash_namnd_oj_gap where unit_id = $1 order by year, indicator_title'),
      selfPeriods: await of('select year, period from stg_self_latest_period where unit_id = $1 order by year'),
      selfGaps: await of('select * exclude (profile, unit_id) from dash_namnd_self_gap where unit_id = $1 and profile = $2 order by year, requirement_id', [profile]),
    }]);
  }
  return entries;
});
