-- unit_without_answers: one row per ÖJ year × unit that should have answered but has no answer at all.
-- Grain: (year, unit_id). "Should have answered": a kommun, or a unit of a kind in setting
-- oj_namnd_kinds (stadsdelsnämnd, Göteborg's socialnämnder), valid on the year's measure date (setting oj_measure_date), in a year for which any ÖJ file was imported.
-- A kommun's whole absence usually means a file's row was not read: compare with the source file.
create or replace view unit_without_answers as
with years as (
    select distinct year from oj_answer
),
measure as (
    select year, strptime(year::varchar || '-' || (select value from setting where key = 'oj_measure_date'), '%Y-%m-%d')::date as measure_date
    from years
),
expected as (
    select m.year, u.unit_id, u.name, u.kind
    from measure m
    join org_unit u
      on u.kind = 'kommun' or u.kind in (select value from setting_list where key = 'oj_namnd_kinds')
     and (u.valid_from is null or u.valid_from <= m.measure_date)
     and (u.valid_to is null or m.measure_date <= u.valid_to)
),
final as (
    select e.year, e.unit_id, e.name, e.kind
    from expected e
    where not exists (select 1 from oj_answer a where a.year = e.year and a.unit_id = e.unit_id)
)
select * from final order by year, kind, name
