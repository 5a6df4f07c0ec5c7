// Shared by every page: years, the organisation's nämnder and fokusområden, sample flag, freshness.
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';
import { buildProfile } from '../../src/dashboard/profile.ts';

await runJsonLoader(async (query) => ({
  profile: buildProfile(),
  publicAggregateOnly: (await query(`select unnest(string_split(value, '|')) as f from setting where key = 'public_aggregate_only'`)).map((r) => r.f),
  organisation: (await query(`select u.unit_id, u.name from org_unit u where u.unit_id = (select value from setting where key = 'organisation_unit_id')`))[0],
  years: (await query('select distinct year from readiness order by year')).map((r) => r.year),
  ojYears: (await query('select distinct year from stg_oj_item order by year')).map((r) => r.year),
  namnder: await query(
    `select n.unit_id, n.name, n.kind, n.valid_from::varchar as valid_from, n.valid_to::varchar as valid_to
     from stg_org_namnd n
     where exists (select 1 from readiness r where r.unit_id = n.unit_id)
     order by n.kind desc, n.name`,
  ),
  fokusomraden: await query('select fokusomrade, title_sv from fokusomrade order by sort_order'),
  sources: await query('select * from source_freshness order by kind'),
}));
