-- dash_namnd_lineage: a nämnd page's "formed from" and "became": one row per nämnd × unit it was formed
-- from (relation predecessor) or merged into (relation successor), from org_lineage.
-- Grain: (unit_id, relation, other_unit_id). name: the other unit's name; change_date as ISO text.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_lineage as
select l.successor_id as unit_id, 'predecessor' as relation, l.predecessor_id as other_unit_id, u.name, l.change_date::varchar as change_date
from org_lineage l join org_unit u on u.unit_id = l.predecessor_id
where l.successor_id in (select unit_id from stg_org_namnd)
union all
select l.predecessor_id, 'successor', l.successor_id, u.name, l.change_date::varchar
from org_lineage l join org_unit u on u.unit_id = l.successor_id
where l.predecessor_id in (select unit_id from stg_org_namnd)
