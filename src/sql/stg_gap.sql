-- stg_gap: one row per gap item, and per item fixed since the previous time point, of either basis.
-- Grain: (basis, t_seq, unit_id, item_id). "Previous" is the latest earlier time point with data from
-- the unit or its lineage (last year's ÖJ, the previous period's self-assessment — or an earlier one when
-- a year or period is missing, so a missing report never turns a remaining gap into a new one), and
-- follows lineage: the unit itself if it existed then, else the units merged into it in between
-- (stg_unit_link). gap_status: kvarstaende when the item was a gap in ANY
-- previous unit; ny when it is a gap now and was not before (or had no previous answer); atgardad
-- when it is ok now (ja / uppfyllt) and was a gap in any previous unit. since_*: where the unbroken run
-- of gap time points ending now (or, for atgardad, ending at the previous point) began.
-- previous_status: the previous point's statuses as 'unit:status, …' (in unit order); previous: the same
-- as a list of {unit_id, status}.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view stg_gap as
with recursive
-- computed once: read five times below, the view would be recomputed (with everything under it) each time
item as materialized (
    select * from stg_gap_item
),
points as (
    select distinct basis, unit_id, t_seq, t_date from item
),
previous_point as (
    -- for each unit's time point, the latest earlier point of the unit or its lineage
    select c.basis, c.unit_id, c.t_seq, max(p.t_seq) as prev_t_seq
    from points c
    join stg_unit_link k on k.unit_id = c.unit_id
    join points p on p.basis = c.basis and p.unit_id = k.prev_unit_id and p.t_seq < c.t_seq
    where link_applies(k.change_date, k.prev_valid_from, k.prev_valid_to, p.t_date, c.t_date)
    group by all
),
prev_link as (
    select c.basis, c.t_seq, c.unit_id, c.item_id, pp.prev_t_seq, p.unit_id as prev_unit_id, p.status as prev_status, p.is_gap as prev_is_gap
    from item c
    join previous_point pp on pp.basis = c.basis and pp.unit_id = c.unit_id and pp.t_seq = c.t_seq
    join stg_unit_link k on k.unit_id = c.unit_id
    join item p
      on p.basis = c.basis and p.t_seq = pp.prev_t_seq and p.item_id = c.item_id and p.unit_id = k.prev_unit_id
    where link_applies(k.change_date, k.prev_valid_from, k.prev_valid_to, p.t_date, c.t_date)
),
prev as (
    select basis, t_seq, unit_id, item_id,
        bool_or(prev_is_gap) as prev_gap,
        -- sorted after aggregating: an ordered aggregate was most of this view's time
        list_sort(list({'unit_id': prev_unit_id, 'status': prev_status})) as previous,
    from prev_link
    group by all
),
classified as (
    select
        c.basis, c.t_seq, c.year, c.period, c.unit_id, c.item_id, c.status,
        case
            when c.is_gap and coalesce(p.prev_gap, false) then 'kvarstaende'
            when c.is_gap then 'ny'
            else 'atgardad'
        end as gap_status,
        array_to_string(list_transform(p.previous, x -> x.unit_id || ':' || x.status), ', ') as previous_status,
        p.previous,
    from item c
    left join prev p using (basis, t_seq, unit_id, item_id)
    where c.is_gap or (c.is_ok and coalesce(p.prev_gap, false))
),
continued as materialized (
    -- each link along which a run can go on: into a point where the item is kvarstaende or atgardad
    -- (joined once here, not in every step of the recursion below)
    select l.basis, l.prev_t_seq, l.prev_unit_id, l.item_id, c.t_seq, c.unit_id, c.gap_status
    from prev_link l
    join classified c on c.basis = l.basis and c.t_seq = l.t_seq and c.unit_id = l.unit_id and c.item_id = l.item_id
    where c.gap_status in ('kvarstaende', 'atgardad')
),
runs(basis, t_seq, unit_id, item_id, gap_status, since_t) as (
    select basis, t_seq, unit_id, item_id, gap_status, t_seq from classified where gap_status = 'ny'
    union all
    -- a run goes on through kvarstaende points and ends at the point it is atgardad; depth guard: each
    -- step goes forward in time (c.t_seq > r.t_seq), so a run has at most as many steps as time points,
    -- whatever the lineage
    select c.basis, c.t_seq, c.unit_id, c.item_id, c.gap_status, r.since_t
    from runs r
    join continued c on c.basis = r.basis and c.prev_t_seq = r.t_seq and c.prev_unit_id = r.unit_id and c.item_id = r.item_id
    where r.gap_status <> 'atgardad' and c.t_seq > r.t_seq
),
since as (
    select basis, t_seq, unit_id, item_id, min(since_t) as since_t from runs group by all
),
time_points as (
    select distinct basis, t_seq, year, period from item
)
select c.*, s.since_t, tp.year as since_year, tp.period as since_period
from classified c
left join since s using (basis, t_seq, unit_id, item_id)
left join time_points tp on tp.basis = c.basis and tp.t_seq = s.since_t
