-- dash_unit_period_count: the nämnd pages' T1 → T2 → VB counts – unit_period_count in the build's
-- profile (build_profile()). Grain: (unit_id, year, period).
create or replace view dash_unit_period_count as
select * exclude (profile)
from unit_period_count
where profile = build_profile()
