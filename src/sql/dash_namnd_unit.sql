-- dash_namnd_unit: the dashboard's list of the organisation's nämnder (Nämnder page, each nämnd page's
-- heading, the page list of /namnd/<unit_id>). One row per nämnd of stg_org_namnd, current or former.
-- Grain: (unit_id). with_data: the nämnd has a readiness row in some year (only those get a page);
-- sort_order: the lists' order, kind descending then name. unit_group: namnd or bolag (stg_org_namnd). valid_from, valid_to as ISO text.
-- is_sample: the unit is an example in data/org/units.csv (source=exempel) the city must check.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_unit as
select
    n.unit_id, n.name, n.kind, n.unit_group, n.valid_from::varchar as valid_from, n.valid_to::varchar as valid_to, n.is_sample,
    exists (select 1 from readiness r where r.unit_id = n.unit_id) as with_data,
    row_number() over (order by n.kind desc, n.name)::integer as sort_order,
from stg_org_namnd n
