-- oj_source_check: one row per year × kommun × ÖJ indicator that the files or Kolada answer: the answer an
-- ÖJ file gave (workbook or long-format CSV, source kinds oj_workbook and oj_csv) beside Kolada's value
-- for the same cell (KPI group GKPI298, indicator.kolada_kpi_id, gender T, Kolada period = ÖJ year).
-- Grain: (year, unit_id, indicator_id). An independent check of what the workbook parser read.
-- Columns: workbook_answer (oj_answer.answer; NULL when no file has the cell) with workbook_raw_text and
-- workbook_source_file_id; workbook_code, the answer in Kolada's coding (Ja=1, Nej=0; for ja_delvis_nej
-- indicators, kontinuitetsplan, Ja=2, Delvis=1, Nej=0; NULL for ej_svar, ej_aktuellt and pagar, which
-- Kolada has no code for); kolada_kpi_id, kolada_value (NULL: no row, or a row without a value),
-- kolada_status (Kolada's flag), kolada_answer (kolada_value decoded the same way; NULL outside the
-- coding). Answers stored from Kolada itself (source kind kolada) are not on the workbook side.
-- comparison: agree – both sides have the cell and workbook_code equals kolada_value, both NULL included
-- (a blank or "Ej aktuellt" against a Kolada row without a value); differs – both have a code and they
-- differ; only_workbook – the file has a code and Kolada no value, or the file has the cell and Kolada
-- no row; only_kolada – Kolada has a value and the file no code, or Kolada has the cell and the file no
-- row. Only kommuner (org_unit kind kommun) and indicators with a kolada_kpi_id; a cell neither side
-- has is no row. Every row has exactly one comparison value.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view oj_source_check as
with workbook as (
    select a.year, a.unit_id, a.indicator_id, a.answer, a.raw_text, a.source_file_id,
        kolada_code(i.answer_scale, a.answer) as code,
    from oj_answer a
    join source_file f using (source_file_id)
    join org_unit u on u.unit_id = a.unit_id and u.kind = 'kommun'
    join indicator i on i.indicator_id = a.indicator_id and i.kolada_kpi_id is not null
    where f.kind in ('oj_workbook', 'oj_csv')
),
kolada as (
    select v.period as year, u.unit_id, i.indicator_id, v.value, v.status,
    from kolada_value v
    join org_unit u on u.kind = 'kommun' and u.kommun_code = v.municipality
    join indicator i on i.kolada_kpi_id = v.kpi and v.period between i.first_year and coalesce(i.last_year, 9999)
    where v.gender = 'T'
),
final as (
    select
        year, unit_id, u.kommun_code, u.name as kommun, indicator_id, i.area, i.verksamhet, i.kolada_kpi_id,
        w.answer as workbook_answer,
        w.raw_text as workbook_raw_text,
        w.source_file_id as workbook_source_file_id,
        w.code as workbook_code,
        k.value as kolada_value,
        k.status as kolada_status,
        kolada_answer(i.answer_scale, k.value) as kolada_answer,
        case
            when w.year is not null and k.year is not null and w.code is not distinct from k.value then 'agree'
            when w.code is not null and k.value is not null then 'differs'
            when w.code is not null then 'only_workbook'
            when k.value is not null then 'only_kolada'
            when w.year is not null then 'only_workbook'
            else 'only_kolada'
        end as comparison,
    from workbook w
    full outer join kolada k using (year, unit_id, indicator_id)
    join org_unit u using (unit_id)
    join indicator i using (indicator_id)
)
select * from final order by year, kommun_code, indicator_id
