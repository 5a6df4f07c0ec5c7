-- stg_unit_ancestor: one row per unit × each unit in its lineage, itself included (depth 0), following
-- org_lineage back through any number of mergers. Grain: (unit_id, ancestor_id).
-- Depth guard: a chain without a cycle has at most as many steps as org_lineage has rows, so the
-- recursion stops there. The configuration check refuses a cycle (org/lineage.csv); the guard keeps a
-- cycle written into the table by other means from running for ever, and the data test "ingen enhet
-- är sin egen föregångare" names it.
create or replace view stg_unit_ancestor as
with recursive chain(unit_id, ancestor_id, depth) as (
    select unit_id, unit_id, 0 from org_unit
    union all
    select c.unit_id, l.predecessor_id, c.depth + 1
    from chain c
    join org_lineage l on l.successor_id = c.ancestor_id
    where c.depth < (select count(*) from org_lineage)
)
select unit_id, ancestor_id, min(depth) as depth from chain group by all
