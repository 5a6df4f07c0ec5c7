-- dash_break_year: the years in which some ÖJ question opens a new series (stg_indicator.break_year),
-- where charts draw their series-break rule. Grain: (year).
create or replace view dash_break_year as
select distinct break_year as year from stg_indicator where break_year is not null
