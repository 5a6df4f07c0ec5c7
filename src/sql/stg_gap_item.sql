-- stg_gap_item: ÖJ cells and self-assessment items on one time line, for the gap views.
-- Grain: (basis, t_seq, unit_id, item_id). basis oj: t_seq = year, t_date = the measure date;
-- basis self: t_seq counts periods consecutively across years (… 2024 VB, 2025 T1 …), t_date = period
-- end. item_id: indicator_id or requirement_id — an id belongs to one ÖJ series or one programme
-- version, so comparing equal ids never crosses a series break or a programme change.
-- is_gap: nej, delvis, pagar, ej_svar / delvis, ej_uppfyllt, ej_svar. is_ok: ja / uppfyllt.
create or replace view stg_gap_item as
select
    'oj' as basis, year as t_seq, oj_measure_date(year) as t_date, year, null::varchar as period,
    unit_id, indicator_id as item_id, answer as status, is_gap, answer = 'ja' as is_ok,
from stg_oj_item
union all
select
    'self', i.year * (select count(*) from period) + p.sort_order - 1,
    strptime(i.year::varchar || '-' || p.period_end, '%Y-%m-%d')::date, i.year, i.period,
    i.unit_id, i.requirement_id, i.status, i.outcome in ('partial', 'not_met', 'unanswered'), i.outcome = 'met',
from stg_self_period_item i
join period p using (period)
