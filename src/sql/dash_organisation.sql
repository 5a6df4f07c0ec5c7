-- dash_organisation: the organisation this installation follows (setting organisation_unit_id) with its
-- name, for every page's heading and the comparison page. Grain: (unit_id). Invariant: at most one row.
create or replace view dash_organisation as
select u.unit_id, u.name,
from org_unit u
join setting_list s on s.key = 'organisation_unit_id' and s.value = u.unit_id
