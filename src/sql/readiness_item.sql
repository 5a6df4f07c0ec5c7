-- readiness_item: one row per item that counts towards a unit's readiness, per basis: the rows that
-- readiness counts. Grain: (year, unit_id, basis, item_kind, item_id, answering_unit_id).
-- basis oj: each ÖJ cell the unit is responsible for (stg_oj_owned_item: its own answers, and cells
-- another unit answered that it owns, such as the socialnämnd's ramavtal); item_kind oj_cell, item_id
-- the indicator, answering_unit_id who answered. basis self: each requirement that applies to the unit
-- in its latest report of the year (stg_self_item, requirements that count towards a fokusområde);
-- item_kind requirement, answering_unit_id = unit_id. basis combined: both, each fact once: a
-- requirement and the ÖJ cells data/requirement_oj_map.csv matches it to (cells the unit is responsible
-- for, same year) are one item; cells no requirement of the unit's report stands for stay items of their
-- own. n_cells_merged: cells counted inside a requirement that way (0 elsewhere).
-- outcome: met, partial, not_met, in_progress, unanswered, not_applicable (stg_oj_item, stg_self_item).
-- A combined requirement item takes the outcome of its LATEST DATED EVIDENCE: the self-assessment dated
-- by its period's end (31 December for the verksamhetsberättelse), ÖJ by the survey's measure date
-- (1 February); ÖJ's outcome for the requirement is the least met of its applicable cells (not_met <
-- unanswered < in_progress < partial < met; not_applicable when every cell is). A source whose outcome
-- is unanswered is no evidence; on the same date the self-assessment is taken; neither: unanswered. So a
-- fix reported in the verksamhetsberättelse counts although ÖJ said Nej in February, and a requirement
-- reported ej uppfyllt in December is not met although ÖJ said Ja in February.
-- evidence: which source decided (self, oj; NULL without evidence), evidence_date its date.
-- self_outcome, oj_outcome: each source's outcome (combined requirement items; NULL where absent).
-- sources_disagree: both sources give evidence of met, partial, not_met or in_progress and exactly one
-- says met – the item is flagged (consistency) and shown as such, never silently downgraded.
-- fokusomrade: where the item counts (area_crosswalk / requirements.csv); items counting nowhere are left
-- out. series, opens_series: an ÖJ cell's indicator series and whether it starts this year (the 2023
-- revision); NULL for requirements.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view readiness_item as
with
self_items as (
    select s.year, s.unit_id, s.requirement_id, s.fokusomrade, s.outcome,
        strptime(s.year::varchar || '-' || p.period_end, '%Y-%m-%d')::date as evidence_date,
    from stg_self_item s
    join period p using (period)
    where s.fokusomrade is not null
),
oj_items as (
    select o.year, o.unit_id, o.answering_unit_id, o.indicator_id, o.area, o.verksamhet, o.fokusomrade, o.outcome,
        o.series, i.break_year = o.year as opens_series, oj_measure_date(o.year) as evidence_date,
    from stg_oj_owned_item o
    join stg_indicator i using (indicator_id)
),
merged_cell as (
    -- an ÖJ cell stands inside the requirement (of the unit's own report that year) it is mapped to;
    -- were it mapped to two, the first by id takes it, so it still counts once
    select o.year, o.unit_id, o.answering_unit_id, o.indicator_id, min(s.requirement_id) as requirement_id
    from oj_items o
    join requirement_oj_map m on m.area = o.area and (m.verksamhet = '*' or m.verksamhet = o.verksamhet)
    join self_items s on s.year = o.year and s.unit_id = o.unit_id and s.requirement_id = m.requirement_id
    group by all
),
oj_evidence as (
    select m.year, m.unit_id, m.requirement_id,
        count(*)::integer as n_cells,
        coalesce(
            arg_min(o.outcome, case o.outcome when 'not_met' then 1 when 'unanswered' then 2 when 'in_progress' then 3 when 'partial' then 4 else 5 end)
                filter (where o.outcome <> 'not_applicable'),
            'not_applicable') as outcome,
        any_value(o.evidence_date) as evidence_date,
    from merged_cell m
    join oj_items o using (year, unit_id, answering_unit_id, indicator_id)
    group by all
),
combined_requirement as (
    select s.year, s.unit_id, s.requirement_id, s.fokusomrade,
        s.outcome as self_outcome, s.evidence_date as self_date,
        e.outcome as oj_outcome, e.evidence_date as oj_date, coalesce(e.n_cells, 0) as n_cells,
        case
            when s.outcome <> 'unanswered' and (e.outcome is null or e.outcome = 'unanswered' or s.evidence_date >= e.evidence_date) then 'self'
            when e.outcome is not null and e.outcome <> 'unanswered' then 'oj'
        end as evidence,
    from self_items s
    left join oj_evidence e using (year, unit_id, requirement_id)
),
final as (
    select year, unit_id, 'oj' as basis, 'oj_cell' as item_kind, indicator_id as item_id, answering_unit_id, fokusomrade,
        outcome, 'oj' as evidence, evidence_date, null::varchar as self_outcome, null::varchar as oj_outcome,
        false as sources_disagree, 0 as n_cells_merged, series, opens_series,
    from oj_items
    union all
    select year, unit_id, 'self', 'requirement', requirement_id, unit_id, fokusomrade,
        outcome, case when outcome <> 'unanswered' then 'self' end, evidence_date, null, null,
        false, 0, null, null,
    from self_items
    union all
    select o.year, o.unit_id, 'combined', 'oj_cell', o.indicator_id, o.answering_unit_id, o.fokusomrade,
        o.outcome, 'oj', o.evidence_date, null, null,
        false, 0, o.series, o.opens_series,
    from oj_items o
    anti join merged_cell c using (year, unit_id, answering_unit_id, indicator_id)
    union all
    select year, unit_id, 'combined', 'requirement', requirement_id, unit_id, fokusomrade,
        case evidence when 'self' then self_outcome when 'oj' then oj_outcome else 'unanswered' end,
        evidence, case evidence when 'self' then self_date when 'oj' then oj_date end, self_outcome, oj_outcome,
        self_outcome in ('met', 'partial', 'not_met', 'in_progress') and oj_outcome in ('met', 'partial', 'not_met', 'in_progress')
            and (self_outcome = 'met') <> (oj_outcome = 'met'),
        n_cells, null, null,
    from combined_requirement
)
select * from final
