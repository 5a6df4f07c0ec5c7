-- stg_org_namnd: one row per nämnd of the organisation this installation follows (setting
-- organisation_unit_id): its units of the kinds in setting namnd_kinds (stadsdelsnämnder, facknämnder,
-- kommunstyrelse …), current or former. answers_oj: the kind is in setting oj_namnd_kinds.
-- Grain: (unit_id).
create or replace view stg_org_namnd as
select
    u.*,
    u.kind in (select value from setting_list where key = 'oj_namnd_kinds') as answers_oj,
from org_unit u
where u.parent_unit_id = (select value from setting where key = 'organisation_unit_id')
  and u.kind in (select value from setting_list where key = 'namnd_kinds')
