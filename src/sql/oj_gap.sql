-- oj_gap: one row per year × unit × ÖJ indicator cell that is a gap (answer nej, delvis, pagar or
-- ej_svar), plus one row per cell that was a gap last year and is ja now (gap_status atgardad), × each
-- unit responsible for the cell (oj_cell_owner). Grain: (year, unit_id, indicator_id, owner_unit_id).
-- "Last year" follows lineage: the unit's own answers at last year's measure date, or, for a unit formed
-- by a merger since then, its predecessors' answers (Järva 2024 ← Rinkeby-Kista and Spånga-Tensta 2023).
-- A unit missing from a year's file altogether is compared with its latest earlier year.
-- Rule (stg_gap): a gap persists (kvarstaende) if the cell was a gap in ANY of last year's units; it is
-- ny if last year every unit answered ja or ej_aktuellt, or there was no answer last year; atgardad if
-- it is ja now and was a gap in any of last year's units. Only the same indicator_id is compared, and an
-- indicator id belongs to one series: a cell in a new series (break_before) has no last year, so it is
-- never kvarstaende or atgardad.
-- since_year: the first year of the unbroken run of gap years ending now (through lineage); for
-- atgardad, of the run that ended. previous_answers: last year's answers as unit:answer;
-- previous_answer_list: the same as a list of {unit_id, status}.
-- owner_unit_id, owner_reason: a nämnd responsible for the cell (ansvarar för: oj_cell_owner, a ramavtal
-- or valfrihetssystem the socialnämnd runs, say); the answering unit itself where no rule says otherwise,
-- and for units the organisation does not follow. is_shared: the cell has several owners (each gets a
-- row). A nämnd's own ÖJ gap list is the rows it is responsible for; counting a unit's answers' gaps
-- counts the distinct (unit_id, indicator_id).
-- Invariants: gap_status in (ny, kvarstaende, atgardad); since_year <= year; since_year = year for ny.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view oj_gap as
select
    g.year,
    g.unit_id,
    g.item_id as indicator_id,
    i.area,
    i.verksamhet,
    i.series,
    i.fokusomrade,
    g.status as answer,
    g.gap_status,
    g.since_year,
    g.previous_status as previous_answers,
    g.previous as previous_answer_list,
    (i.break_year = g.year) is true as break_before,
    coalesce(w.owner_unit_id, g.unit_id) as owner_unit_id,
    coalesce(w.reason, 'Egen verksamhet') as owner_reason,
    coalesce(w.is_shared, false) as is_shared,
from stg_gap g
join stg_indicator i on i.indicator_id = g.item_id
left join oj_cell_owner w on w.year = g.year and w.unit_id = g.unit_id and w.indicator_id = g.item_id
where g.basis = 'oj'
