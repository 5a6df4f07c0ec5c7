-- dash_goal_attainment_city: Översikt's and Måluppfyllelse's city figures – goal_attainment_city, the
-- one count the annual document and reports read too, in the build's profile (build_profile()).
-- Grain: (year, fokusomrade, unit_group).
create or replace view dash_goal_attainment_city as
select * exclude (profile)
from goal_attainment_city
where profile = build_profile()
