-- dash_namnd_oj_question: a nämnd page's ÖJ questions it is responsible for in others' answers, over the
-- years (the socialnämnd's ramavtal and valfrihetssystem, answered by each stadsdelsnämnd): one row per
-- nämnd × year × ÖJ question it is responsible for in at least one other unit's answer (oj_cell_owner).
-- Grain: (unit_id, year, indicator_id).
-- n_units: the units whose answer to the question it is responsible for ("av 11"); n_gap: those whose
-- answer is a gap (oj_gap: Nej, Delvis, Arbete pågår or no answer; "brist hos 5 av 11"); n_shared: of the
-- n_units, those where the answering unit is responsible too. n_gap_previous / n_units_previous: the same a
-- year earlier, NULL when the question opens a new series this year (never compared across the 2023
-- break) or was not its responsibility then. break_before: the question opens a new series this year.
-- indicator_title, area_order: the question's title and its area's place, for the page's order.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_oj_question as
with responsible as (
    select w.owner_unit_id as unit_id, w.year, w.indicator_id, w.unit_id as answering_unit_id, w.is_shared
    from oj_cell_owner w
    where w.owner_unit_id in (select unit_id from stg_org_namnd)
),
others as (
    -- questions the nämnd is responsible for in some other unit's answer
    select distinct unit_id, year, indicator_id from responsible where answering_unit_id <> unit_id
),
counted as (
    select r.unit_id, r.year, r.indicator_id,
        count(*)::integer as n_units,
        count(g.indicator_id)::integer as n_gap,
        count(*) filter (where r.is_shared)::integer as n_shared,
    from responsible r
    join others o using (unit_id, year, indicator_id)
    left join oj_gap g
      on g.year = r.year and g.unit_id = r.answering_unit_id and g.indicator_id = r.indicator_id
     and g.owner_unit_id = r.unit_id and g.gap_status <> 'atgardad'
    group by all
)
select c.*,
    case when i.break_year = c.year then null else p.n_gap end as n_gap_previous,
    case when i.break_year = c.year then null else p.n_units end as n_units_previous,
    i.break_year = c.year is true as break_before,
    i.title_sv as indicator_title,
    a.sort_order as area_order,
from counted c
join stg_indicator i using (indicator_id)
join oj_area a on a.area = i.area
left join counted p on p.unit_id = c.unit_id and p.indicator_id = c.indicator_id and p.year = c.year - 1
