-- stg_unit_link: one row per pair (unit, a unit whose earlier data can count as this unit's): the unit
-- itself (change_date NULL) and each predecessor merged into it (org_lineage, with the change date).
-- Grain: (unit_id, prev_unit_id). Views then keep a link for a comparison between days d_prev < d_now
-- when link_applies(...): the unit itself existed on d_prev, or the merger fell in (d_prev, d_now].
create or replace view stg_unit_link as
select u.unit_id, u.unit_id as prev_unit_id, null::date as change_date, u.valid_from as prev_valid_from, u.valid_to as prev_valid_to
from org_unit u
union all
select l.successor_id, l.predecessor_id, l.change_date, p.valid_from, p.valid_to
from org_lineage l
join org_unit p on p.unit_id = l.predecessor_id
