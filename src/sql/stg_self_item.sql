-- stg_self_item: one row per year × unit × requirement in force, from the unit's latest reported period
-- of that year (VB over T2 over T1). Grain: (year, unit_id, requirement_id). Columns as
-- stg_self_period_item: outcome uppfyllt → met, delvis → partial, ej_uppfyllt → not_met,
-- ej_svar (or left out of the report) → unanswered, ej_aktuellt → not_applicable.
create or replace view stg_self_item as
select i.*
from stg_self_period_item i
join stg_self_latest_period l using (year, period, unit_id)
