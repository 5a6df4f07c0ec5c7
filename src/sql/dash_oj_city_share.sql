-- dash_oj_city_share: ÖJ-svar's first chart, the socialnämnd's question: one row per ÖJ year with answers
-- from the organisation's ÖJ-answering nämnder (dash_oj_unit), their answers pooled: of ALL questions
-- asked of them that year (n_cells, as unanswered_share counts them), the shares answered Ja, Nej and
-- not at all (ej_svar); the rest (delvis, pågår, ej aktuellt) in n_other. Grain: (year).
-- segment: the line segment the year belongs to; a new one starts in every year some question opens a
-- new series (dash_break_year), so the city-wide trend is never drawn across a series break.
-- opens_series: the year is such a break year.
-- Invariants: n_ja + n_nej + n_unanswered + n_other = n_cells; share_ja + share_nej + share_unanswered <= 1.
create or replace view dash_oj_city_share as
with pooled as (
    select s.year,
        count(*)::integer as n_units,
        sum(s.n_cells)::integer as n_cells,
        sum(s.n_ja)::integer as n_ja,
        sum(s.n_nej)::integer as n_nej,
        sum(s.n_unanswered)::integer as n_unanswered,
        sum(s.n_delvis + s.n_pagar + s.n_ej_aktuellt)::integer as n_other,
    from unanswered_share s
    where s.unit_id in (select unit_id from dash_oj_unit)
    group by s.year
),
final as (
    select p.*,
        p.n_ja / p.n_cells as share_ja,
        p.n_nej / p.n_cells as share_nej,
        p.n_unanswered / p.n_cells as share_unanswered,
        p.year in (select year from dash_break_year) as opens_series,
        1 + (select count(*) from dash_break_year b where b.year <= p.year)::integer as segment,
    from pooled p
)
select * from final
