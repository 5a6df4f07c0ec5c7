-- dash_namnd_oj_gap: a nämnd page's open ÖJ gaps (oj_gap rows ny or kvarstående; åtgärdade left out),
-- on the page of every nämnd concerned: the nämnd that owns the cell (oj_cell_owner: it can act on it)
-- and the nämnd that answered it. Grain: (unit_id, year, answering_unit_id, indicator_id).
-- role: egen (the nämnd answered the cell and owns it); agd (it owns a cell another nämnd answered: the
-- socialnämnd's ramavtal, say, answered Nej by a stadsdelsnämnd); annan_agare (it answered the cell but
-- another nämnd owns it). A nämnd's own ÖJ gap list is its rows egen and agd; owner_reason says why.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_oj_gap as
with open_gap as (
    select g.year, g.unit_id as answering_unit_id, a.name as answering_name, g.indicator_id, i.title_sv as indicator_title,
        g.fokusomrade, g.answer, g.gap_status, g.since_year, g.owner_unit_id, o.name as owner_name, g.owner_reason,
    from oj_gap g
    join indicator i on i.indicator_id = g.indicator_id
    join org_unit a on a.unit_id = g.unit_id
    join org_unit o on o.unit_id = g.owner_unit_id
    where g.gap_status <> 'atgardad'
),
final as (
    select owner_unit_id as unit_id, *, case when owner_unit_id = answering_unit_id then 'egen' else 'agd' end as role
    from open_gap
    where owner_unit_id in (select unit_id from stg_org_namnd)
    union all
    select answering_unit_id as unit_id, *, 'annan_agare' as role
    from open_gap
    where owner_unit_id <> answering_unit_id and answering_unit_id in (select unit_id from stg_org_namnd)
)
select * from final
