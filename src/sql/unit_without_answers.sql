-- unit_without_answers: one row per ÖJ year × unit that should have answered but has no answer at all.
-- Grain: (year, unit_id). "Should have answered": a kommun, or a unit of a kind in setting
-- oj_namnd_kinds (stadsdelsnämnd, Göteborg's socialnämnder), valid on the year's measure date (setting
-- oj_measure_date), in a year whose imported files hold answers of that level: kommuner are expected
-- only in years with some kommun's answers (a national file), a kommun's nämnder only in years with
-- some answer of that kommun's nämnder, so importing one city's own file does not list the country's
-- 290 kommuner, or another city's nämnder, as missing.
-- A kommun's whole absence usually means a file's row was not read: compare with the source file.
create or replace view unit_without_answers as
with unit_level as (
    select unit_id, kind,
           case when kind = 'kommun' then 'kommun'
                when kind in (select value from setting_list where key = 'oj_namnd_kinds') then 'namnd ' || kommun_code
           end as level,
           name, valid_from, valid_to
    from org_unit
),
level_year as (
    select distinct a.year, u.level
    from oj_answer a
    join unit_level u using (unit_id)
    where u.level is not null
),
measure as (
    select year, level,
           strptime(year::varchar || '-' || (select value from setting where key = 'oj_measure_date'), '%Y-%m-%d')::date as measure_date
    from level_year
),
expected as (
    select m.year, u.unit_id, u.name, u.kind
    from measure m
    join unit_level u
      on u.level = m.level
     and valid_on(u.valid_from, u.valid_to, m.measure_date)
),
final as (
    select e.year, e.unit_id, e.name, e.kind
    from expected e
    where not exists (select 1 from oj_answer a where a.year = e.year and a.unit_id = e.unit_id)
)
select * from final order by year, kind, name
