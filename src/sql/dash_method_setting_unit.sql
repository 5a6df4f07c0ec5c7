-- dash_method_setting_unit: Metod's list of the units the settings name (organisation_unit_id,
-- comparison_units), with their names. Grain: (key, unit_id). n: the unit's place in the setting's list.
create or replace view dash_method_setting_unit as
select s.key, s.n, u.unit_id, u.name,
from setting_list s
join org_unit u on u.unit_id = s.value
where s.key in ('organisation_unit_id', 'comparison_units')
