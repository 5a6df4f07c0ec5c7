-- unanswered_share: one row per year × unit with ÖJ answers: how many cells it was asked, and how many
-- it left unanswered (ej_svar) or answered Nej. Grain: (year, unit_id). share_unanswered is
-- n_unanswered / n_cells (ej_aktuellt cells included in n_cells: they were answered).
create or replace view unanswered_share as
select
    a.year,
    a.unit_id,
    u.name,
    u.kind,
    count(*)::integer as n_cells,
    count(*) filter (where a.answer = 'ej_svar')::integer as n_unanswered,
    count(*) filter (where a.answer = 'nej')::integer as n_nej,
    round(count(*) filter (where a.answer = 'ej_svar') / count(*), 4) as share_unanswered,
from oj_answer a
join org_unit u using (unit_id)
group by all
order by a.year, u.kind, u.name
