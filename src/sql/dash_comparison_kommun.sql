-- dash_comparison_kommun: every kommun with its SKR kommungrupp in each edition of SKR's
-- kommungruppsindelning, for Jämförelse's "jämför med kommungruppen för …" choice: a year's choice
-- uses the edition in force that year, first_year to last_year (NULL: until further notice).
-- comparator_id is the group's id in dash_comparison_position ('skr-<code>'), group_name its name in
-- that edition. Grain: (edition, unit_id).
create or replace view dash_comparison_kommun as
select edition, first_year, last_year, unit_id, kommun_name as name, skr_group, group_name, 'skr-' || skr_group as comparator_id
from stg_kommungrupp_member
