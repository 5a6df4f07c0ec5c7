-- dash_annual_oj_gap: Årsuppföljning's ÖJ figures: one row per year × nämnd of the organisation with ÖJ
-- answers that year: n_open, its gaps not åtgärdade (oj_gap), and n_new, those that are ny.
-- Grain: (year, unit_id). Invariant: 0 <= n_new <= n_open.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_annual_oj_gap as
select o.year, o.unit_id,
       count(g.indicator_id) filter (where g.gap_status <> 'atgardad')::integer as n_open,
       count(g.indicator_id) filter (where g.gap_status = 'ny')::integer as n_new,
from (select year, unit_id from unanswered_share where unit_id in (select unit_id from stg_org_namnd)) o
left join oj_gap g on g.year = o.year and g.unit_id = o.unit_id
group by all
