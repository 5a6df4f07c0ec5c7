-- dash_oj_unit: ÖJ-svar's units: one row per nämnd of the organisation that answers ÖJ
-- (stg_org_namnd.answers_oj), current or former. successor_ids: the units its answers continue under
-- after a merger (oj_trend's via_unit_id), '|'-separated in name order; NULL when none.
-- Grain: (unit_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_oj_unit as
select n.unit_id, n.name, n.valid_from::varchar as valid_from, n.valid_to::varchar as valid_to,
       (select string_agg(distinct t.unit_id, '|') from oj_trend t where t.via_unit_id = n.unit_id) as successor_ids,
from stg_org_namnd n
where n.answers_oj
