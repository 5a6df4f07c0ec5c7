// The nämnd and bolag pages (/namnd/<unit>, one template), one file each in this archive:
// data/namnd/<unit>.json. Each table of the page from its mart (src/sql/dash_namnd_*, stg_self_latest_period),
// the unit bound as a parameter. What the build's profile may publish is decided in SQL: the marts with
// a profile column (dash_namnd_self_gap, dash_namnd_goal, dash_namnd_period_movement) are read for this
// profile, and rows that mark publish_in_public false (a unit's säkerhetsskydd) are left out of a public
// build (dash_namnd_readiness, dash_namnd_programme_area).
import { loaderProfile, runMartArchive } from '../../src/dashboard/martLoader.js';

const profile = loaderProfile();
await runMartArchive(async (q) => {
  const units = await q('select unit_id, name, kind, unit_group, valid_from, valid_to from dash_namnd_unit where with_data order by unit_id');
  const published = `(publish_in_public or $2 = 'internal')`;
  const entries = [];
  for (const unit of units) {
    const of = (sql, params = []) => q(sql, [unit.unit_id, ...params]);
    entries.push([`${unit.unit_id}.json`, {
      unit,
      predecessors: await of(`select other_unit_id as unit_id, name, change_date from dash_namnd_lineage where unit_id = $1 and relation = 'predecessor' order by name`),
      successors: await of(`select other_unit_id as unit_id, name, change_date from dash_namnd_lineage where unit_id = $1 and relation = 'successor' order by name`),
      years: (await of('select distinct year from dash_namnd_readiness where unit_id = $1 order by year')).map((r) => r.year),
      readiness: await of(`select * exclude (unit_id, publish_in_public) from dash_namnd_readiness where unit_id = $1 and ${published} order by year, fokusomrade, basis`, [profile]),
      goals: await of('select * exclude (profile, unit_id) from dash_namnd_goal where unit_id = $1 and profile = $2 order by year, goal', [profile]),
      programmeAreas: await of(`select * exclude (unit_id, publish_in_public, mapped_fokusomraden) from dash_namnd_programme_area where unit_id = $1 and ${published} order by year, programme_area`, [profile]),
      movement: await of('select * exclude (profile, unit_id) from dash_namnd_period_movement where unit_id = $1 and profile = $2 order by year, period_order', [profile]),
      ojYears: await of('select year, n_answered, n_owned from dash_namnd_oj_year where unit_id = $1 order by year'),
      ojTrend: await of('select * exclude (unit_id, area_sort) from dash_namnd_oj_trend where unit_id = $1 order by area_sort, year, via_unit_id nulls first'),
      ojGaps: await of('select * exclude (unit_id) from dash_namnd_oj_gap where unit_id = $1 order by year, role, since_year, indicator_title, answering_name'),
      selfPeriods: await of('select year, period from stg_self_latest_period where unit_id = $1 order by year'),
      selfGaps: await of('select * exclude (profile, unit_id) from dash_namnd_self_gap where unit_id = $1 and profile = $2 order by year, requirement_id', [profile]),
    }]);
  }
  return entries;
});
