-- stg_oj_owned_item: one row per stored ÖJ answer × unit responsible for it: the ÖJ items that count for a
-- unit in readiness, gaps and trends. Grain: (year, unit_id, answering_unit_id, indicator_id).
-- unit_id is the responsible unit: for an answer of a unit the organisation follows, each owner in
-- oj_cell_owner (a shared cell counts for every owner, the socialnämnd's ramavtal for the socialnämnd);
-- for any other unit (kommuner, riket …) the answering unit itself. answering_unit_id answered it.
-- Columns of stg_oj_item besides; owner_reason and is_shared from oj_cell_owner (Egen verksamhet, false
-- for units not followed).
create or replace view stg_oj_owned_item as
select
    o.year,
    coalesce(w.owner_unit_id, o.unit_id) as unit_id,
    o.unit_id as answering_unit_id,
    o.indicator_id, o.area, o.verksamhet, o.series, o.fokusomrade, o.answer, o.outcome, o.is_gap,
    coalesce(w.reason, 'Egen verksamhet') as owner_reason,
    coalesce(w.is_shared, false) as is_shared,
from stg_oj_item o
left join oj_cell_owner w using (year, unit_id, indicator_id)
