-- dash_oj_matrix: ÖJ-svar's matrix rows: one row per year × ÖJ-answering nämnd with answers that year,
-- lists aligned with that year's dash_oj_year.cells: answers (stg_oj_item; NULL = no answer stored),
-- and for gap cells (oj_gap) gap, since and previous: last year's answers as a list of {unit_id,
-- answer}, unit_id NULL when it was the unit's own answer, else the predecessor's (a merged unit).
-- Grain: (year, unit_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_oj_matrix as
with cells as (
    select y.year, unnest(y.cells) as indicator_id, generate_subscripts(y.cells, 1) as n from dash_oj_year y
),
units as (
    select distinct year, unit_id from stg_oj_item where unit_id in (select unit_id from stg_org_namnd where answers_oj)
)
select u.year, u.unit_id,
       list(o.answer order by c.n) as answers,
       list(g.gap_status order by c.n) as gap,
       list(g.since_year order by c.n) as since,
       list(case when len(g.previous_answer_list) = 1 and g.previous_answer_list[1].unit_id = u.unit_id
                 then [{'unit_id': null, 'answer': g.previous_answer_list[1].status}]
                 else list_transform(g.previous_answer_list, p -> {'unit_id': p.unit_id, 'answer': p.status}) end
            order by c.n) as previous,
from units u
join cells c using (year)
left join stg_oj_item o on o.year = u.year and o.unit_id = u.unit_id and o.indicator_id = c.indicator_id
left join (
    -- the cell's gap, once however many units are responsible for it
    select distinct on (year, unit_id, indicator_id) year, unit_id, indicator_id, gap_status, since_year, previous_answer_list from oj_gap
) g on g.year = u.year and g.unit_id = u.unit_id and g.indicator_id = c.indicator_id
group by u.year, u.unit_id
