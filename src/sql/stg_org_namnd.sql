-- stg_org_namnd: one row per nämnd of the organisation this installation follows (setting
-- organisation_unit_id): its stadsdelsnämnder, facknämnder and kommunstyrelse, current or former.
-- Grain: (unit_id).
create or replace view stg_org_namnd as
select u.*
from org_unit u
where u.parent_unit_id = (select value from setting where key = 'organisation_unit_id')
  and u.kind in ('stadsdelsnamnd', 'facknamnd', 'kommunstyrelse')
