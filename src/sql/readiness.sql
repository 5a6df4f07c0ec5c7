-- readiness: one row per year × unit × fokusområde × basis, for every year × unit × basis with data.
-- Grain: (year, unit_id, fokusomrade, basis). basis: oj (ÖJ answers, through the catalog's area →
-- fokusområde crosswalk), self (self-assessment, latest period of the year, requirements that apply to
-- the unit: requirement_applicability), combined (both, each fact once – see below).
-- ÖJ only covers beredskap and olycksförebyggande: säkerhetsskydd and personsäkerhet come from
-- self-assessments only, so their oj rows have n_items = 0 and share_met NULL ("inga uppgifter").
-- A requirement whose programme area maps to no fokusområde (area_crosswalk, requirements.csv column
-- fokusomrade "-") is in no row here; readiness_programme_area shows it in its own area.
-- combined: a requirement and the ÖJ cells data/requirement_oj_map.csv matches it to (same unit and
-- year) are ONE item, not 1 + n: its outcome is the least met of its parts (not_met < unanswered <
-- in_progress < partial < met; ej_aktuellt parts left out; not_applicable when every part is), so a
-- requirement reported uppfyllt while a matching ÖJ cell says Nej is not met. ÖJ cells no requirement
-- of the unit's report stands for stay items of their own. n_oj_merged: ÖJ cells counted inside a
-- requirement that way (0 for oj and self). Hence combined n_items = oj n_items + self n_items -
-- n_oj_merged. A stadsdelsnämnd's share over 20 items and a facknämnd's over three are both shares:
-- n_applicable (the denominator) is always shown beside share_met.
-- Columns: n_items = all items; n_met (ja/uppfyllt), n_partial (delvis), n_not_met (nej/ej uppfyllt),
-- n_in_progress (arbete pågår), n_unanswered (ej svar, or a requirement left out of a report),
-- n_not_applicable (ej aktuellt). n_applicable = n_items - n_not_applicable.
-- share_met = n_met / n_applicable: unanswered items count as applicable and not met (an unanswered
-- question is a gap); delvis and pågår are never met; NULL when n_applicable = 0 (never 0, never 100).
-- share_answered = (n_applicable - n_unanswered) / n_applicable, NULL likewise.
-- programme_version: the säkerhetsprogram version in force that year; NULL in a year no programme was in
-- force (2017): such a year is shown, never graded (goal_attainment).
-- publish_in_public: false for a fokusområde in setting public_aggregate_only (säkerhetsskydd): a share
-- over three requirements tells which one a nämnd lacks, so a public build shows it for the city as a
-- whole only (readiness_city); the internal build shows every row.
-- Invariants: n_met + n_partial + n_not_met + n_in_progress + n_unanswered + n_not_applicable = n_items;
-- 0 <= share_met <= 1; share_met is NULL exactly when n_applicable = 0.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view readiness as
with
self_items as (
    select year, unit_id, requirement_id, fokusomrade, outcome from stg_self_item where fokusomrade is not null
),
oj_items as (
    select year, unit_id, indicator_id, area, verksamhet, fokusomrade, outcome from stg_oj_item
),
merged_cell as (
    -- an ÖJ cell stands inside the requirement (of the unit's own report that year) it is mapped to;
    -- were it mapped to two, the first by id takes it, so it still counts once
    select o.year, o.unit_id, o.indicator_id, min(s.requirement_id) as requirement_id, any_value(o.outcome) as outcome
    from oj_items o
    join requirement_oj_map m on m.area = o.area and (m.verksamhet = '*' or m.verksamhet = o.verksamhet)
    join self_items s on s.year = o.year and s.unit_id = o.unit_id and s.requirement_id = m.requirement_id
    group by all
),
parts as (
    -- a requirement's item: the self-assessed status and the outcome of each ÖJ cell inside it
    select year, unit_id, requirement_id, fokusomrade, outcome, false as is_cell from self_items
    union all
    select c.year, c.unit_id, c.requirement_id, s.fokusomrade, c.outcome, true
    from merged_cell c join self_items s using (year, unit_id, requirement_id)
),
combined_self as (
    select year, unit_id, requirement_id, fokusomrade,
        count(*) filter (where is_cell)::integer as n_cells,
        arg_min(outcome, case outcome when 'not_met' then 1 when 'unanswered' then 2 when 'in_progress' then 3 when 'partial' then 4 else 5 end)
            filter (where outcome <> 'not_applicable') as worst,
    from parts
    group by all
),
items as (
    select year, unit_id, fokusomrade, 'oj' as basis, outcome, 0 as n_merged from oj_items
    union all
    select year, unit_id, fokusomrade, 'self', outcome, 0 from self_items
    union all
    select o.year, o.unit_id, o.fokusomrade, 'combined', o.outcome, 0
    from oj_items o
    where not exists (select 1 from merged_cell c where c.year = o.year and c.unit_id = o.unit_id and c.indicator_id = o.indicator_id)
    union all
    select year, unit_id, fokusomrade, 'combined', coalesce(worst, 'not_applicable'), n_cells from combined_self
),
frame as (
    -- every fokusområde for each year × unit × basis that has any data, so that "no data" is a row with NULL
    select i.year, i.unit_id, i.basis, f.fokusomrade
    from (select distinct year, unit_id, basis from items) i cross join fokusomrade f
),
tally as (
    -- counted before joining the frame: a row per group, not per item
    select
        year, unit_id, fokusomrade, basis,
        count(outcome) as n_items,
        count(*) filter (where outcome = 'met') as n_met,
        count(*) filter (where outcome = 'partial') as n_partial,
        count(*) filter (where outcome = 'not_met') as n_not_met,
        count(*) filter (where outcome = 'in_progress') as n_in_progress,
        count(*) filter (where outcome = 'unanswered') as n_unanswered,
        count(*) filter (where outcome = 'not_applicable') as n_not_applicable,
        sum(n_merged) as n_oj_merged,
    from items
    group by all
),
counts as (
    select
        fr.year, fr.unit_id, fr.fokusomrade, fr.basis,
        coalesce(t.n_items, 0)::integer as n_items,
        coalesce(t.n_met, 0)::integer as n_met,
        coalesce(t.n_partial, 0)::integer as n_partial,
        coalesce(t.n_not_met, 0)::integer as n_not_met,
        coalesce(t.n_in_progress, 0)::integer as n_in_progress,
        coalesce(t.n_unanswered, 0)::integer as n_unanswered,
        coalesce(t.n_not_applicable, 0)::integer as n_not_applicable,
        coalesce(t.n_oj_merged, 0)::integer as n_oj_merged,
    from frame fr
    left join tally t using (year, unit_id, fokusomrade, basis)
),
final as (
    select
        c.*,
        c.n_items - c.n_not_applicable as n_applicable,
        c.n_met / nullif(c.n_items - c.n_not_applicable, 0) as share_met,
        (c.n_items - c.n_not_applicable - c.n_unanswered) / nullif(c.n_items - c.n_not_applicable, 0) as share_answered,
        pv.programme_version,
        c.fokusomrade not in (
            select unnest(string_split(value, '|')) from setting where key = 'public_aggregate_only'
        ) as publish_in_public,
    from counts c
    left join programme_version pv on c.year between pv.first_year and coalesce(pv.last_year, 9999)
)
select * from final
