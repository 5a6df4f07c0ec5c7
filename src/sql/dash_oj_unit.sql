-- dash_oj_unit: ÖJ-svar's units: one row per nämnd of the organisation that answers ÖJ
-- (stg_org_namnd.answers_oj), current or former. successor_ids: the units its answers continue under
-- after a merger (oj_trend's via_unit_id), '|'-separated in name order; NULL when none.
-- Grain: (unit_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_oj_unit as
select n.unit_id, n.name, n.valid_from::varchar as valid_from, n.valid_to::varchar as valid_to,
       -- A split unit has several successors: ordered, or the table and its view could list them differently.
       (select string_agg(s.unit_id, '|' order by s.name, s.unit_id) from org_unit s
        where s.unit_id in (select t.unit_id from oj_trend t where t.via_unit_id = n.unit_id)) as successor_ids,
from stg_org_namnd n
where n.answers_oj
