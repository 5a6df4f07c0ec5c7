-- self_gap: one row per year × period × nämnd × requirement whose status is a gap (delvis, ej_uppfyllt,
-- ej_svar — including a requirement left out of the report), plus rows atgardad for requirements that
-- were a gap the previous period and are uppfyllt now. Grain: (year, period, unit_id, requirement_id).
-- gap_status, since_year/since_period: as stg_gap, period by period (2024 VB → 2025 T1), following
-- lineage; requirement ids belong to one programme version, so nothing is compared across versions.
-- overdue (försenad): an open gap whose planned action's due date had passed when the period ended
-- (due_date < the period's last day, table period): what the report about that period says, the same
-- whatever day it is read or built. The one meaning of försenad on every page and in every output; no
-- figure is counted against today's date.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view self_gap as
select
    g.year,
    g.period,
    g.unit_id,
    g.item_id as requirement_id,
    r.fokusomrade,
    r.programme_version,
    r.text_sv as requirement_text,
    g.status,
    i.is_missing_row,
    i.comment,
    i.planned_action,
    i.owner,
    i.due_date,
    coalesce(g.gap_status <> 'atgardad' and i.due_date < strptime(g.year::varchar || '-' || p.period_end, '%Y-%m-%d')::date, false) as overdue,
    g.gap_status,
    g.since_year,
    g.since_period,
    g.previous_status,
from stg_gap g
join requirement r on r.requirement_id = g.item_id
join stg_self_period_item i on i.year = g.year and i.period = g.period and i.unit_id = g.unit_id and i.requirement_id = g.item_id
join period p on p.period = g.period
where g.basis = 'self'
