-- unanswered_share: one row per year × unit with ÖJ answers: how the questions it was asked were
-- answered. Grain: (year, unit_id). The socialnämnd's measure (the city's own position in 2017): of ALL
-- questions asked (n_cells, ej_aktuellt included, since those were answered), the share answered Ja,
-- answered Nej, and left unanswered (ej_svar): share_ja + share_nej + share_unanswered + the shares of
-- delvis, pågår and ej aktuellt = 1. Not to be confused with readiness.share_met, whose denominator
-- leaves ej aktuellt out.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view unanswered_share as
select
    a.year,
    a.unit_id,
    u.name,
    u.kind,
    count(*)::integer as n_cells,
    count(*) filter (where a.answer = 'ja')::integer as n_ja,
    count(*) filter (where a.answer = 'nej')::integer as n_nej,
    count(*) filter (where a.answer = 'delvis')::integer as n_delvis,
    count(*) filter (where a.answer = 'pagar')::integer as n_pagar,
    count(*) filter (where a.answer = 'ej_aktuellt')::integer as n_ej_aktuellt,
    count(*) filter (where a.answer = 'ej_svar')::integer as n_unanswered,
    count(*) filter (where a.answer = 'ja') / count(*) as share_ja,
    count(*) filter (where a.answer = 'nej') / count(*) as share_nej,
    round(count(*) filter (where a.answer = 'ej_svar') / count(*), 4) as share_unanswered,
from oj_answer a
join org_unit u using (unit_id)
group by all
order by a.year, u.kind, u.name
