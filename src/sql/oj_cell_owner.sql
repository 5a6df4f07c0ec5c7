-- oj_cell_owner: one row per ÖJ answer of a unit the organisation follows × the nämnd that can act on it.
-- Grain: (year, unit_id, indicator_id). unit_id answered the cell; owner_unit_id is the nämnd whose
-- gap list carries it: the owner named by the most specific rule of data/oj_cell_owner.csv (table
-- oj_owner_rule) that matches the cell's area and verksamhet (a named verksamhet wins over *), the
-- answering unit's kind (a rule for a kind wins over one for any kind) and the year, provided the
-- owner existed on the year's measure date; with no such rule, the answering unit itself ("Egen
-- verksamhet"). reason: the rule's reason_sv. by_rule: a rule decided it.
-- So the socialnämnd (or äldrenämnden, where the rules say so), which answers no ÖJ survey of its own,
-- has an ÖJ gap list: oj_gap rows whose owner_unit_id is it.
-- Invariant: owner_unit_id is never NULL.
create or replace view oj_cell_owner as
with cells as (
    select a.year, a.unit_id, a.indicator_id, i.area, i.verksamhet, n.kind
    from oj_answer a
    join indicator i using (indicator_id)
    join stg_org_namnd n using (unit_id)
),
ranked as (
    select c.year, c.unit_id, c.indicator_id, r.owner_unit_id, r.reason_sv,
        row_number() over (
            partition by c.year, c.unit_id, c.indicator_id
            order by (r.verksamhet <> '*') desc, (r.unit_kind is not null) desc, r.owner_unit_id
        ) as rn,
    from cells c
    join oj_owner_rule r
      on r.area = c.area and (r.verksamhet = '*' or r.verksamhet = c.verksamhet)
     and (r.unit_kind is null or r.unit_kind = c.kind)
     and c.year between r.first_year and coalesce(r.last_year, 9999)
    join org_unit o on o.unit_id = r.owner_unit_id and valid_on(o.valid_from, o.valid_to, oj_measure_date(c.year))
)
select
    c.year, c.unit_id, c.indicator_id, c.area, c.verksamhet,
    coalesce(r.owner_unit_id, c.unit_id) as owner_unit_id,
    coalesce(r.reason_sv, 'Egen verksamhet') as reason,
    r.owner_unit_id is not null as by_rule,
from cells c
left join ranked r on r.year = c.year and r.unit_id = c.unit_id and r.indicator_id = c.indicator_id and r.rn = 1
