-- dash_goal_threshold: the thresholds goal_attainment applied, per year × fokusområde, for the page's
-- explanation: target_share, delvis_within_pp, delvis_from (as dash_goal_attainment) and how many
-- nämnder had them. Grain: (year, fokusomrade, target_share, delvis_within_pp).
create or replace view dash_goal_threshold as
select year, fokusomrade, target_share, delvis_within_pp, any_value(delvis_from) as delvis_from, count(*)::integer as n_namnder
from dash_goal_attainment
where target_share is not null
group by year, fokusomrade, target_share, delvis_within_pp
