-- template_prior_report: every report a unit has made, of its self-assessment ('self') and of nämndens
-- bedömning ('judgement') as report_kind, in reporting order: period_rank orders (year, period) as T1, T2, VB across
-- years, so a template finds the unit's latest report before the one it asks for and prefills from it.
-- Grain: (report_kind, unit_id, year, period).
create or replace view template_prior_report as
with reports as (
    select distinct 'self' as report_kind, unit_id, year, period from self_assessment
    union
    select distinct 'judgement', unit_id, year, period from unit_judgement
)
select r.report_kind, r.unit_id, r.year, r.period, r.year * 100 + p.sort_order as period_rank
from reports r
join period p using (period)
