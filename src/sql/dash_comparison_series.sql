-- dash_comparison_series: Jämförelse's lines and tables: one row per ÖJ indicator × comparator, its
-- years as parallel lists in year order (year, share_ja and share_ja_published rounded to 4 decimals,
-- n_responding, n_units, answer), from oj_comparison. Grain: (indicator_id, role, unit_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_comparison_series as
select indicator_id, role, unit_id,
       list(year order by year) as year,
       list(round(share_ja, 4) order by year) as share_ja,
       list(round(share_ja_published, 4) order by year) as share_ja_published,
       list(n_responding order by year) as n_responding,
       list(n_units order by year) as n_units,
       list(answer order by year) as answer,
from oj_comparison
group by all
