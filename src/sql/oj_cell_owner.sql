-- oj_cell_owner: one row per ÖJ answer of a unit the organisation follows × each nämnd responsible for
-- it (ansvarar för: can act on it). Grain: (year, unit_id, indicator_id, owner_unit_id).
-- unit_id answered the cell. The owners are those the most specific rules of data/oj_cell_owner.csv
-- (table oj_owner_rule) name for the cell's area and verksamhet (a named verksamhet wins over *), the
-- answering unit's kind (a rule for a kind wins over one for any kind) and the year, provided the owner
-- existed on the year's measure date. Several rules of that same specificity make the cell shared: each
-- owner gets a row with its own reason (socialnämnden's ramavtal beside the stadsdelsnämnd's own
-- entreprenadupphandling). A rule's owner "svarande" is the answering unit itself. With no rule: the
-- answering unit alone ("Egen verksamhet").
-- reason: the rule's reason_sv. by_rule: a rule decided it. n_owners: how many owners the cell has;
-- is_shared: more than one.
-- So the socialnämnd (or äldrenämnden, where the rules say so), which answers no ÖJ survey of its own,
-- has ÖJ cells of its own in readiness, gaps and trends: the rows whose owner_unit_id is it.
-- Invariant: owner_unit_id is never NULL; every answer of a followed unit has at least one row.
create or replace view oj_cell_owner as
with cells as (
    select a.year, a.unit_id, a.indicator_id, i.area, i.verksamhet, n.kind
    from oj_answer a
    join indicator i using (indicator_id)
    join stg_org_namnd n using (unit_id)
),
matched as (
    select c.year, c.unit_id, c.indicator_id,
        case when r.owner_unit_id = 'svarande' then c.unit_id else r.owner_unit_id end as owner_unit_id,
        r.reason_sv,
        rank() over (
            partition by c.year, c.unit_id, c.indicator_id
            order by (r.verksamhet <> '*') desc, (r.unit_kind is not null) desc
        ) as specificity,
    from cells c
    join oj_owner_rule r
      on r.area = c.area and (r.verksamhet = '*' or r.verksamhet = c.verksamhet)
     and (r.unit_kind is null or r.unit_kind = c.kind)
     and c.year between r.first_year and coalesce(r.last_year, 9999)
    join org_unit o
      on o.unit_id = case when r.owner_unit_id = 'svarande' then c.unit_id else r.owner_unit_id end
     and valid_on(o.valid_from, o.valid_to, oj_measure_date(c.year))
),
owners as (
    -- the most specific rules only; one row per owner should two of them name the same one
    select year, unit_id, indicator_id, owner_unit_id, min(reason_sv) as reason
    from matched
    where specificity = 1
    group by all
),
final as (
    select
        c.year, c.unit_id, c.indicator_id, c.area, c.verksamhet,
        coalesce(o.owner_unit_id, c.unit_id) as owner_unit_id,
        coalesce(o.reason, 'Egen verksamhet') as reason,
        o.owner_unit_id is not null as by_rule,
    from cells c
    left join owners o using (year, unit_id, indicator_id)
)
select *,
    count(*) over (partition by year, unit_id, indicator_id)::integer as n_owners,
    count(*) over (partition by year, unit_id, indicator_id) > 1 as is_shared,
from final
