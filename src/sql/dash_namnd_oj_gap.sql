-- dash_namnd_oj_gap: a nämnd page's open ÖJ gaps (oj_gap rows ny or kvarstående; åtgärdade left out),
-- on the page of every nämnd concerned: each nämnd responsible for the cell (oj_cell_owner: it can act
-- on it) and the nämnd that answered it. Grain: (unit_id, year, answering_unit_id, indicator_id).
-- role: egen (the nämnd answered the cell and is responsible for it, alone or shared); ansvarar (it is
-- responsible for a cell another nämnd answered: the socialnämnd's ramavtal, say, answered Nej by a
-- stadsdelsnämnd); annan_ansvarar (it answered the cell but only others are responsible). A nämnd's own
-- ÖJ gap list – the one every count of its ÖJ gaps counts (unit_year_count) – is its rows egen and
-- ansvarar; owner_reason says why. is_shared: the cell has several responsible nämnder;
-- shared_with: the others' names (NULL when not shared), "Socialnämnden" on a stadsdelsnämnd's row.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_oj_gap as
with open_gap as (
    select g.year, g.unit_id as answering_unit_id, a.name as answering_name, g.indicator_id, i.title_sv as indicator_title,
        g.fokusomrade, g.answer, g.gap_status, g.since_year, g.owner_unit_id, o.name as owner_name, g.owner_reason, g.is_shared,
    from oj_gap g
    join indicator i on i.indicator_id = g.indicator_id
    join org_unit a on a.unit_id = g.unit_id
    join org_unit o on o.unit_id = g.owner_unit_id
    where g.gap_status <> 'atgardad'
),
owners as (
    select year, answering_unit_id, indicator_id, list(owner_name order by owner_name) as owner_names
    from open_gap
    group by all
),
responsible as (
    select g.owner_unit_id as unit_id, g.*,
        case when g.owner_unit_id = g.answering_unit_id then 'egen' else 'ansvarar' end as role,
        case when g.is_shared then array_to_string(list_filter(w.owner_names, n -> n <> g.owner_name), ', ') end as shared_with,
    from open_gap g
    join owners w using (year, answering_unit_id, indicator_id)
    where g.owner_unit_id in (select unit_id from stg_org_namnd)
),
answered_only as (
    -- the answering nämnd's view of a cell only others are responsible for: once, with their names
    select g.answering_unit_id as unit_id, g.year, g.answering_unit_id, any_value(g.answering_name) as answering_name, g.indicator_id,
        any_value(g.indicator_title) as indicator_title, any_value(g.fokusomrade) as fokusomrade, any_value(g.answer) as answer,
        any_value(g.gap_status) as gap_status, any_value(g.since_year) as since_year,
        null::varchar as owner_unit_id, array_to_string(list(g.owner_name order by g.owner_name), ', ') as owner_name,
        string_agg(g.owner_reason, '; ' order by g.owner_name) as owner_reason, bool_or(g.is_shared) as is_shared,
        'annan_ansvarar' as role, null::varchar as shared_with,
    from open_gap g
    where g.answering_unit_id in (select unit_id from stg_org_namnd)
    group by g.year, g.answering_unit_id, g.indicator_id
    having not bool_or(g.owner_unit_id = g.answering_unit_id)
)
select * from responsible
union all by name
select * from answered_only
