-- dash_data_year: the years a page may offer – one row per year with readiness figures (has_readiness)
-- or ÖJ answers (has_oj). Grain: (year).
create or replace view dash_data_year as
select year, bool_or(has_readiness) as has_readiness, bool_or(has_oj) as has_oj
from (
    select distinct year, true as has_readiness, false as has_oj from readiness
    union all
    select distinct year, false, true from unanswered_share
)
group by year
