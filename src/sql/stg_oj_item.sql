-- stg_oj_item: one row per stored ÖJ answer, with its catalog context and its outcome.
-- Grain: (year, unit_id, indicator_id). outcome: ja → met, delvis → partial, nej → not_met,
-- pagar → in_progress, ej_svar → unanswered, ej_aktuellt → not_applicable. is_gap: the answer is one
-- the city wants to see gone (nej, delvis, pagar, ej_svar); ej_aktuellt is not a gap.
create or replace view stg_oj_item as
select
    a.year,
    a.unit_id,
    a.indicator_id,
    i.area,
    i.verksamhet,
    i.series,
    i.fokusomrade,
    a.answer,
    case a.answer
        when 'ja' then 'met' when 'delvis' then 'partial' when 'nej' then 'not_met'
        when 'pagar' then 'in_progress' when 'ej_svar' then 'unanswered' when 'ej_aktuellt' then 'not_applicable'
    end as outcome,
    a.answer in ('nej', 'delvis', 'pagar', 'ej_svar') as is_gap,
from oj_answer a
join indicator i using (indicator_id)
