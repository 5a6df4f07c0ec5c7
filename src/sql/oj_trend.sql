-- oj_trend: one row per year × current unit × ÖJ area × data source in the unit's lineage, over the
-- cells the unit (or its predecessor) is responsible for (stg_oj_owned_item: the socialnämnd's trend is
-- the cells it owns, whoever answered them).
-- Grain: (year, unit_id, area, via_unit_id). A current unit is one with no valid_to. via_unit_id is NULL
-- for the unit's own answers and names the predecessor for years before a merger (Järva before 2024:
-- one row via rinkeby-kista, one via spanga-tensta), so a chart draws them as distinct, labelled series
-- and never sums them silently.
-- share_ja = n_ja / n_applicable, n_applicable = cells not ej_aktuellt (ej_svar counts as not ja);
-- NULL when nothing is applicable. series: the area's indicator series that year (catalog);
-- break_before: the series changed since the year before (the 2023 revision of kontinuitet and
-- upphandling): a trend line must not join this year to the previous one.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view oj_trend as
with area_series as (
    select distinct y.year, i.area, i.series
    from (select distinct year from oj_answer) y
    join indicator i on y.year between i.first_year and coalesce(i.last_year, 9999)
),
series_break as (
    select year, area, series,
        coalesce(series <> lag(series) over (partition by area order by year), false) as break_before,
    from area_series
),
current_units as (
    select unit_id from org_unit where valid_to is null
),
cells as (
    select a.unit_id, a.ancestor_id, o.year, o.area, o.answer
    from stg_unit_ancestor a
    join current_units c using (unit_id)
    join stg_oj_owned_item o on o.unit_id = a.ancestor_id
),
final as (
    select
        c.year,
        c.unit_id,
        c.area,
        case when c.ancestor_id <> c.unit_id then c.ancestor_id end as via_unit_id,
        count(*)::integer as n_cells,
        count(*) filter (where c.answer = 'ja')::integer as n_ja,
        count(*) filter (where c.answer <> 'ej_aktuellt')::integer as n_applicable,
        count(*) filter (where c.answer = 'ej_svar')::integer as n_unanswered,
        count(*) filter (where c.answer = 'ja') / nullif(count(*) filter (where c.answer <> 'ej_aktuellt'), 0) as share_ja,
        any_value(s.series) as series,
        any_value(s.break_before) as break_before,
    from cells c
    left join series_break s using (year, area)
    group by c.year, c.unit_id, c.area, c.ancestor_id
)
select * from final
