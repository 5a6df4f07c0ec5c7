-- dash_namnd_oj_gap_trend: a nämnd's ÖJ gaps over the years, counted as every page counts them: one row per
-- nämnd × year it is responsible for ÖJ cells (its own answers, shared ones and others' it owns), with its
-- open ÖJ gaps (unit_year_count.n_oj_open, profile internal: ÖJ has no fokusområde published only as an
-- aggregate) and the share of its cells that are gaps. Grain: (unit_id, year).
-- segment: a new line segment starts in a year where a question it is responsible for opens a new series
-- (the 2023 revision of kontinuitetsplan and upphandling) or after a year without cells, so the trend is
-- never drawn across a series break (counts from 1). opens_series: this year starts a new series.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_oj_gap_trend as
with years as (
    select unit_id, year, n_oj_responsible, n_oj_open
    from unit_year_count
    where profile = 'internal' and n_oj_responsible > 0
),
breaks as (
    select distinct w.owner_unit_id as unit_id, w.year
    from oj_cell_owner w
    join stg_indicator i on i.indicator_id = w.indicator_id and i.break_year = w.year
),
flagged as (
    select y.*, b.unit_id is not null as opens_series,
        b.unit_id is not null or lag(y.year) over (partition by y.unit_id order by y.year) is distinct from y.year - 1 as starts_segment,
    from years y
    left join breaks b using (unit_id, year)
)
select unit_id, year, n_oj_responsible, n_oj_open, n_oj_open / n_oj_responsible as share_open, opens_series,
    count(*) filter (where starts_segment) over (partition by unit_id order by year)::integer as segment,
from flagged
