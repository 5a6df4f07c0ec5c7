-- export_gap: the export's sheet Brister – ÖJ gaps (oj_gap, under each nämnd responsible for the cell,
-- with who answered) and self-assessment gaps (self_gap, every report of the year, the latest marked)
-- in one list. basis 'oj' or 'self'; item_id an indicator or requirement id; status its answer or
-- status; sheet_order: by year, unit, basis, period, fokusområde, item. in_scope as stg_org_scope.
-- answering_unit_id: the unit whose answer it is (for a self-assessment gap the unit itself).
-- Grain: (basis, year, period, unit_id, item_id, answering_unit_id).
create or replace view export_gap as
with gaps as (
    select 'oj' as basis, g.year, null::varchar as period, g.owner_unit_id as unit_id, u.name as unit_name,
        coalesce(f.title_sv, g.fokusomrade) as fokusomrade, f.sort_order, g.indicator_id as item_id, i.title_sv as item_text,
        g.answer as status, false as is_missing_row, g.gap_status, g.since_year, null::varchar as since_period,
        g.unit_id as answering_unit_id, a.name as answered_by, g.is_shared, true as is_latest_period, null::varchar as comment,
        null::varchar as planned_action, null::varchar as owner, null::varchar as due_date, null::boolean as overdue
    from oj_gap g
    join indicator i using (indicator_id)
    join org_unit u on u.unit_id = g.owner_unit_id
    join org_unit a on a.unit_id = g.unit_id
    left join fokusomrade f on f.fokusomrade = g.fokusomrade
    union all
    select 'self', s.year, s.period, s.unit_id, u.name, coalesce(f.title_sv, s.fokusomrade), f.sort_order,
        s.requirement_id, s.requirement_text, s.status, s.is_missing_row, s.gap_status, s.since_year, s.since_period,
        s.unit_id, u.name, false, l.period is not null, s.comment, s.planned_action, s.owner, s.due_date::varchar, s.overdue
    from self_gap s
    join org_unit u using (unit_id)
    left join fokusomrade f on f.fokusomrade = s.fokusomrade
    left join stg_self_latest_period l on l.year = s.year and l.unit_id = s.unit_id and l.period = s.period
)
select *, unit_id in (select unit_id from stg_org_scope) as in_scope,
    row_number() over (order by year, unit_id, basis, period, sort_order, item_id, answered_by, answering_unit_id) as sheet_order
from gaps
