-- consistency: two kinds of row. (1) One per year × unit × requirement that has both a self-assessment
-- (latest period of the year) and ÖJ answers for the cells data/requirement_oj_map.csv matches it to
-- (verksamhet * = all of the area; cells the unit is responsible for, stg_oj_owned_item); goal NULL.
-- (2) One per year × unit × goal with *nämndens bedömning* (latest period judged, stg_judgement_latest)
-- and a computed grade (judgement_comparison); requirement_id NULL, columns judgement, share_met
-- (*beräknad andel uppfyllt*), attainment filled.
-- Grain: (year, unit_id, requirement_id, goal).
-- finding (1): the requirement's combined item has sources that disagree (readiness_item.sources_disagree:
-- both give evidence and exactly one says met): sjalv_uppfyllt_oj_nej — reported uppfyllt while ÖJ's
-- cells are not all Ja (some Nej, Delvis or Pågår); sjalv_ej_uppfyllt_oj_ja — reported delvis, ej
-- uppfyllt or pågår while every applicable cell says Ja. oj_nej_cells / oj_nej_titles: the cells
-- answered Nej, by id and by title. decided_by: the source whose later date decides
-- the combined item (self, oj), combined_outcome what it counts as. (2): bedomning_hogre — the unit judges
-- the goal higher than its computed share earns (says helt while it meets 40 % of its requirements);
-- bedomning_lagre — lower. NULL — the sources agree or cannot be compared (e.g. only ej_aktuellt cells).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view consistency as
with matched as (
    select s.year, s.unit_id, s.requirement_id, o.indicator_id, o.answer, i.title_sv as indicator_title
    from stg_self_item s
    join requirement_oj_map m on m.requirement_id = s.requirement_id
    join stg_oj_owned_item o
      on o.year = s.year and o.unit_id = s.unit_id and o.area = m.area and (m.verksamhet = '*' or o.verksamhet = m.verksamhet)
    join indicator i on i.indicator_id = o.indicator_id
),
cells as (
    select
        year, unit_id, requirement_id,
        count(*)::integer as n_oj_cells,
        count(*) filter (where answer = 'ja')::integer as n_oj_ja,
        count(*) filter (where answer = 'nej')::integer as n_oj_nej,
        count(*) filter (where answer <> 'ej_aktuellt')::integer as n_oj_applicable,
        string_agg(distinct indicator_id, ', ' order by indicator_id) filter (where answer = 'nej') as oj_nej_cells,
        string_agg(distinct indicator_title, '; ' order by indicator_title) filter (where answer = 'nej') as oj_nej_titles,
    from matched
    group by year, unit_id, requirement_id
),
final as (
    select
        c.*, s.status as self_status, i.evidence as decided_by, i.outcome as combined_outcome,
        case
            when i.sources_disagree and i.self_outcome = 'met' then 'sjalv_uppfyllt_oj_nej'
            when i.sources_disagree then 'sjalv_ej_uppfyllt_oj_ja'
        end as finding,
    from cells c
    join stg_self_item s using (year, unit_id, requirement_id)
    left join readiness_item i
      on i.year = c.year and i.unit_id = c.unit_id and i.basis = 'combined' and i.item_kind = 'requirement' and i.item_id = c.requirement_id
),
judged as (
    select c.year, c.unit_id, null::varchar as requirement_id, c.goal,
        c.namndens_bedomning as judgement, c.beraknad_andel_uppfyllt as share_met, c.beraknad_maluppfyllelse as attainment,
        case when c.difference in ('bedomning_hogre', 'bedomning_lagre') then c.difference end as finding,
    from judgement_comparison c
    where c.is_latest_period and c.difference is not null
)
select
    year, unit_id, requirement_id, null::varchar as goal, self_status, n_oj_cells, n_oj_ja, n_oj_nej, n_oj_applicable, oj_nej_cells, oj_nej_titles,
    decided_by, combined_outcome,
    null::varchar as judgement, null::double as share_met, null::varchar as attainment, finding,
from final
union all
select
    year, unit_id, requirement_id, goal, null, null, null, null, null, null, null,
    null, null,
    judgement, share_met, attainment, finding,
from judged
