-- stg_unit_ancestor: one row per unit × each unit in its lineage, itself included (depth 0), following
-- org_lineage back through any number of mergers. Grain: (unit_id, ancestor_id).
create or replace view stg_unit_ancestor as
with recursive chain(unit_id, ancestor_id, depth) as (
    select unit_id, unit_id, 0 from org_unit
    union all
    select c.unit_id, l.predecessor_id, c.depth + 1
    from chain c
    join org_lineage l on l.successor_id = c.ancestor_id
)
select unit_id, ancestor_id, min(depth) as depth from chain group by all
