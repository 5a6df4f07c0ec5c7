-- dash_namnd_oj_year: the ÖJ years of a nämnd page: one row per year × nämnd that answered ÖJ cells
-- that year or owns cells another nämnd answered (oj_cell_owner). Grain: (unit_id, year).
-- n_answered: cells the nämnd answered; n_owned: cells it owns (its own answers included). A nämnd with
-- n_answered = 0 answers no ÖJ survey of its own but has an ÖJ gap list (the socialnämnd).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_oj_year as
with roles as (
    select year, unit_id, 1 as answered, 0 as owned from oj_cell_owner
    union all
    select year, owner_unit_id, 0, 1 from oj_cell_owner
)
select unit_id, year, sum(answered)::integer as n_answered, sum(owned)::integer as n_owned,
from roles
where unit_id in (select unit_id from stg_org_namnd)
group by unit_id, year
