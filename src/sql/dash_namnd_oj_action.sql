-- dash_namnd_oj_action: a nämnd page's action plan for its ÖJ gaps (oj_action_plan), once per build
-- profile: profile internal has every row with its action, owner, date, status and comment; profile
-- public has no rows at all – a public build shows how many gaps have an action only (unit_year_count).
-- Grain: (profile, year, unit_id, answering_unit_id, indicator_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_oj_action as
select 'internal' as profile, p.*
from oj_action_plan p
