-- dash_oj_area: the ÖJ areas as ÖJ-svar and Jämförelse title them: one row per area with its title, in
-- the configured order (data/oj_areas.csv). Grain: (area).
create or replace view dash_oj_area as
select area, title_sv, sort_order
from oj_area
