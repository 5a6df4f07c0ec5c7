-- dash_comparison_kommun: every kommun with its SKR kommungrupp, for Jämförelse's "jämför med
-- kommungruppen för …" choice: one row per kommun with a skr_group. comparator_id is the group's id in
-- dash_comparison_position ('skr-<code>'). Grain: (unit_id).
create or replace view dash_comparison_kommun as
select unit_id, name, skr_group, 'skr-' || skr_group as comparator_id
from org_unit
where kind = 'kommun' and skr_group is not null
