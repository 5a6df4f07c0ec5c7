-- stg_org_scope: the units a city's own output covers when no unit is named – the organisation itself
-- (setting organisation_unit_id) and its nämnder and bolag (stg_org_namnd) – where readiness and the gap
-- views also hold every other kommun in the ÖJ files. What `export` without --unit shows.
-- Grain: (unit_id).
create or replace view stg_org_scope as
select value as unit_id from setting where key = 'organisation_unit_id'
union
select unit_id from stg_org_namnd
