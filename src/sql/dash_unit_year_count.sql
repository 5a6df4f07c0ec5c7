-- dash_unit_year_count: the nämnd pages' counts – unit_year_count, the one count every output reads, in
-- the build's profile (build_profile()). Grain: (year, unit_id).
create or replace view dash_unit_year_count as
select * exclude (profile)
from unit_year_count
where profile = build_profile()
