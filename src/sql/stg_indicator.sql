-- stg_indicator: one row per ÖJ indicator of the catalog (data/indicators.csv), with the series-break
-- rule written once. Grain: (indicator_id).
-- break_before: the indicator opens a new series: another indicator for the same area × verksamhet
-- ended the year before its first year (kontinuitetsplan and upphandling in 2023). Nothing is compared
-- across it: a gap in it is never kvarstående, a share's change into its first year is not shown, a trend
-- line is broken there. break_year: its first_year when break_before, else NULL.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view stg_indicator as
with flagged as (
    select
        i.*,
        exists (
            select 1 from indicator p
            where p.area = i.area and p.verksamhet = i.verksamhet and p.last_year = i.first_year - 1
        ) as break_before,
    from indicator i
)
select *, case when break_before then first_year end as break_year,
from flagged
