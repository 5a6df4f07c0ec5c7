-- consistency: two kinds of row. (1) One per year × unit × requirement that has both a self-assessment
-- (latest period of the year) and ÖJ answers for the cells data/requirement_oj_map.csv matches it to
-- (verksamhet * = all of the area); goal NULL. (2) One per year × unit × goal with *nämndens bedömning*
-- (latest period judged, stg_judgement_latest) and a computed grade (judgement_comparison); requirement_id
-- NULL, columns judgement, share_met (*beräknad andel uppfyllt*), attainment filled.
-- Grain: (year, unit_id, requirement_id, goal).
-- finding: sjalv_uppfyllt_oj_nej — reported uppfyllt while some matching ÖJ cell says nej;
-- sjalv_ej_uppfyllt_oj_ja — reported ej uppfyllt while every applicable matching cell says ja;
-- bedomning_hogre — the unit judges the goal higher than its computed share earns (says helt while it
-- meets 40 % of its requirements); bedomning_lagre — lower;
-- NULL — the two sources agree or cannot be compared (e.g. only ej_aktuellt cells).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view consistency as
with matched as (
    select s.year, s.unit_id, s.requirement_id, s.status, o.indicator_id, o.answer
    from stg_self_item s
    join requirement_oj_map m on m.requirement_id = s.requirement_id
    join stg_oj_item o
      on o.year = s.year and o.unit_id = s.unit_id and o.area = m.area and (m.verksamhet = '*' or o.verksamhet = m.verksamhet)
),
final as (
    select
        year, unit_id, requirement_id, any_value(status) as self_status,
        count(*)::integer as n_oj_cells,
        count(*) filter (where answer = 'ja')::integer as n_oj_ja,
        count(*) filter (where answer = 'nej')::integer as n_oj_nej,
        count(*) filter (where answer <> 'ej_aktuellt')::integer as n_oj_applicable,
        string_agg(indicator_id, ', ' order by indicator_id) filter (where answer = 'nej') as oj_nej_cells,
        case
            when any_value(status) = 'uppfyllt' and count(*) filter (where answer = 'nej') > 0 then 'sjalv_uppfyllt_oj_nej'
            when any_value(status) = 'ej_uppfyllt' and count(*) filter (where answer <> 'ej_aktuellt') > 0
                 and count(*) filter (where answer = 'ja') = count(*) filter (where answer <> 'ej_aktuellt') then 'sjalv_ej_uppfyllt_oj_ja'
        end as finding,
    from matched
    group by year, unit_id, requirement_id
),
judged as (
    select c.year, c.unit_id, null::varchar as requirement_id, c.goal,
        c.namndens_bedomning as judgement, c.beraknad_andel_uppfyllt as share_met, c.beraknad_maluppfyllelse as attainment,
        case when c.difference in ('bedomning_hogre', 'bedomning_lagre') then c.difference end as finding,
    from judgement_comparison c
    where c.is_latest_period and c.difference is not null
)
select
    year, unit_id, requirement_id, null::varchar as goal, self_status, n_oj_cells, n_oj_ja, n_oj_nej, n_oj_applicable, oj_nej_cells,
    null::varchar as judgement, null::double as share_met, null::varchar as attainment, finding,
from final
union all
select
    year, unit_id, requirement_id, goal, null, null, null, null, null, null,
    judgement, share_met, attainment, finding,
from judged
