-- readiness_change: one row per readiness row (year × unit × fokusområde × basis) with the change in
-- share_met since the year before, shown only where the two years measure the same thing.
-- Grain: (year, unit_id, fokusomrade, basis).
-- comparable is false, with reason, when: there is no share last year (inget_foregaende: the unit did
-- not exist, or had no applicable item); the ÖJ items include an indicator whose series starts this year
-- (ny_oj_serie: the 2023 revision); ÖJ asked about other areas than the year before, e.g. kontinuitetsplan
-- from 2019 (andrade_fragor); the programme version changed for self-assessment items (nytt_program);
-- or, for basis combined, one of the two sources was there only one of the years (andrat_underlag).
-- change = share_met - previous_share_met when comparable, else NULL: a trend step is never drawn across
-- a break. Invariant: change is NULL exactly when comparable is false.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view readiness_change as
with oj_cells as (
    -- per year × unit × fokusområde: whether an ÖJ series starts there, and which series it holds, over
    -- the cells the unit is responsible for (one pass over the items, not a lookup per readiness row)
    select
        year, unit_id, fokusomrade,
        coalesce(bool_or(opens_series), false) as oj_series_starts,
        string_agg(distinct series, ',' order by series) as oj_series,
    from readiness_item
    where basis = 'oj'
    group by all
),
flags as (
    select
        r.year, r.unit_id, r.fokusomrade, r.basis, r.share_met, r.programme_version,
        coalesce(o.n_items, 0) > 0 as has_oj,
        coalesce(s.n_items, 0) > 0 as has_self,
        coalesce(c.oj_series_starts, false) as oj_series_starts,
        c.oj_series,
    from readiness r
    left join readiness o on o.year = r.year and o.unit_id = r.unit_id and o.fokusomrade = r.fokusomrade and o.basis = 'oj'
    left join readiness s on s.year = r.year and s.unit_id = r.unit_id and s.fokusomrade = r.fokusomrade and s.basis = 'self'
    left join oj_cells c on c.year = r.year and c.unit_id = r.unit_id and c.fokusomrade = r.fokusomrade
),
paired as (
    select
        c.*,
        p.share_met as previous_share_met,
        case
            when p.share_met is null or c.share_met is null then 'inget_foregaende'
            when c.basis in ('oj', 'combined') and c.has_oj and c.oj_series_starts then 'ny_oj_serie'
            when c.basis in ('oj', 'combined') and c.has_oj and p.has_oj and c.oj_series <> p.oj_series then 'andrade_fragor'
            when c.basis in ('self', 'combined') and c.has_self and p.has_self and c.programme_version <> p.programme_version then 'nytt_program'
            when c.basis = 'combined' and (c.has_oj <> p.has_oj or c.has_self <> p.has_self) then 'andrat_underlag'
        end as not_comparable_reason,
    from flags c
    left join flags p on p.unit_id = c.unit_id and p.fokusomrade = c.fokusomrade and p.basis = c.basis and p.year = c.year - 1
)
select
    year, unit_id, fokusomrade, basis, share_met, previous_share_met,
    not_comparable_reason is null as comparable,
    not_comparable_reason,
    case when not_comparable_reason is null then share_met - previous_share_met end as change,
from paired
