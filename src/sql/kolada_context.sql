-- kolada_context: one row per Kolada context figure (data/kolada_kpis.csv rows outside the ÖJ group) ×
-- kommun × year, for the organisation's kommun and the comparison units that are kommuner (setting
-- comparison_units). Grain: (kpi_id, unit_id, year). value as Kolada gives it (total, gender T), NULL with
-- Kolada's status flag when missing; page: which dashboard page shows the figure.
create or replace view kolada_context as
with shown as (
    select value as unit_id from setting where key = 'organisation_unit_id'
    union
    select value from setting_list where key = 'comparison_units'
)
select
    k.kpi_id, k.title_sv, k.page, u.unit_id, u.name, v.period as year, v.value, v.status,
from kolada_value v
join kolada_kpi k on k.kpi_id = v.kpi
join org_unit u on u.kind = 'kommun' and u.kommun_code = v.municipality
where coalesce(k.kpi_group, '') <> 'GKPI298'
  and v.gender = 'T'
  and u.unit_id in (select unit_id from shown)
