-- stg_due_reference: the day each year's calendar of deadlines is drawn up per – the last day of the
-- latest period any nämnd or bolag reported a self-assessment for that year (table period: VB → 31
-- December). Grain: (year). One row per year with a self-assessment; no row, no calendar.
-- Never today's date: a built page or a report says what was known at the end of the period reported,
-- and says per which day, the same whatever day it is built or read. A deadline after reference_date is
-- not yet passed, whatever today is.
create or replace view stg_due_reference as
select s.year,
    arg_max(s.period, p.sort_order) as period,
    max(strptime(s.year::varchar || '-' || p.period_end, '%Y-%m-%d')::date) as reference_date,
from (select distinct year, period from self_assessment) s
join period p using (period)
group by s.year
