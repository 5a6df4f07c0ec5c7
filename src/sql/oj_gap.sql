-- oj_gap: one row per year × unit × ÖJ indicator cell that is a gap (answer nej, delvis, pagar or
-- ej_svar), plus one row per cell that was a gap last year and is ja now (gap_status atgardad).
-- Grain: (year, unit_id, indicator_id).
-- "Last year" follows lineage: the unit's own answers at last year's measure date, or, for a unit formed
-- by a merger since then, its predecessors' answers (Järva 2024 ← Rinkeby-Kista and Spånga-Tensta 2023).
-- Rule: a gap persists (kvarstaende) if the cell was a gap in ANY of last year's units; it is ny if last
-- year every unit answered ja or ej_aktuellt, or there was no answer last year; atgardad if it is ja now
-- and was a gap in any of last year's units. Only the same indicator_id is compared, and an indicator id
-- belongs to one series: a cell in a new series (break_before) has no last year and is never kvarstaende.
-- since_year: the first year of the unbroken run of gap years ending now (through lineage); for atgardad,
-- of the run that ended. previous_answers: last year's answers as unit:answer, for the reader.
-- Invariant: gap_status in (ny, kvarstaende, atgardad); since_year <= year; since_year = year for ny.
create or replace view oj_gap as
with recursive
prev_link as (
    select c.year, c.unit_id, c.indicator_id, p.unit_id as prev_unit_id, p.answer as prev_answer, p.is_gap as prev_is_gap
    from stg_oj_item c
    join stg_unit_link k on k.unit_id = c.unit_id
    join stg_oj_item p
      on p.year = c.year - 1 and p.indicator_id = c.indicator_id and p.unit_id = k.prev_unit_id
    where link_applies(k.change_date, k.prev_valid_from, k.prev_valid_to, oj_measure_date(c.year - 1), oj_measure_date(c.year))
),
prev as (
    select year, unit_id, indicator_id,
        bool_or(prev_is_gap) as prev_gap,
        string_agg(prev_unit_id || ':' || prev_answer, ', ' order by prev_unit_id) as previous_answers,
    from prev_link
    group by all
),
classified as (
    select
        c.year, c.unit_id, c.indicator_id, c.area, c.verksamhet, c.series, c.fokusomrade, c.answer,
        case
            when c.is_gap and coalesce(p.prev_gap, false) then 'kvarstaende'
            when c.is_gap then 'ny'
            else 'atgardad'
        end as gap_status,
        p.previous_answers,
        exists (
            select 1 from indicator i
            where i.indicator_id = c.indicator_id and i.first_year = c.year
              and exists (select 1 from indicator o where o.area = i.area and o.verksamhet = i.verksamhet and o.last_year = c.year - 1)
        ) as break_before,
    from stg_oj_item c
    left join prev p using (year, unit_id, indicator_id)
    where c.is_gap or (c.answer = 'ja' and coalesce(p.prev_gap, false))
),
runs(year, unit_id, indicator_id, gap_status, since_year) as (
    select year, unit_id, indicator_id, gap_status, year from classified where gap_status = 'ny'
    union all
    -- a run goes on through kvarstaende years and ends at the year it is atgardad
    select c.year, c.unit_id, c.indicator_id, c.gap_status, r.since_year
    from runs r
    join prev_link l on l.year = r.year + 1 and l.prev_unit_id = r.unit_id and l.indicator_id = r.indicator_id
    join classified c on c.year = l.year and c.unit_id = l.unit_id and c.indicator_id = l.indicator_id
    where r.gap_status <> 'atgardad' and c.gap_status in ('kvarstaende', 'atgardad')
),
since as (
    select year, unit_id, indicator_id, min(since_year) as since_year from runs group by all
),
final as (
    select c.*, s.since_year
    from classified c
    left join since s using (year, unit_id, indicator_id)
)
select * from final
