-- consistency: one row per year × unit × requirement that has both a self-assessment (latest period of
-- the year) and ÖJ answers for the cells data/requirement_oj_map.csv matches it to (verksamhet * = all
-- of the area). Grain: (year, unit_id, requirement_id).
-- finding: sjalv_uppfyllt_oj_nej — reported uppfyllt while some matching ÖJ cell says nej;
-- sjalv_ej_uppfyllt_oj_ja — reported ej uppfyllt while every applicable matching cell says ja;
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
)
select * from final
