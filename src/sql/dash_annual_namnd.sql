-- dash_annual_namnd: Årsuppföljning's list of nämnder per year: one row per year with readiness data ×
-- nämnd of the organisation (dash_namnd_unit with data in some year) that was in force at some time
-- during the year or has måluppfyllnad figures that year. with_data: it has goal_attainment rows that
-- year (gets a section of its own); otherwise it is listed as without data. sort_order as dash_namnd_unit.
-- Grain: (year, unit_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_annual_namnd as
with years as (select distinct year from readiness),
flagged as (
    select y.year, n.unit_id, n.name, n.kind, n.valid_from, n.valid_to, n.sort_order,
           exists (select 1 from goal_attainment g where g.year = y.year and g.unit_id = n.unit_id) as with_data,
           (n.valid_from is null or year(n.valid_from::date) <= y.year) and (n.valid_to is null or year(n.valid_to::date) >= y.year) as in_force,
    from years y cross join dash_namnd_unit n
    where n.with_data
)
select year, unit_id, name, kind, valid_from, valid_to, with_data, sort_order
from flagged
where in_force or with_data
