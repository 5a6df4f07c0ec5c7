-- dash_oj_question_rank: ÖJ-svar's ranking of questions: one row per year × ÖJ cell asked that year
-- (dash_oj_year.cells) with how many of the organisation's ÖJ-answering nämnder that answered ÖJ that
-- year (n_units, "av 11") answered Nej (n_nej), left it unanswered (n_unanswered: ej_svar), or have no
-- answer stored for it at all (n_no_row: missing is shown, never dropped or taken for Nej); n_weak is
-- their sum, the ranking key ("N av 11 Nej eller inget svar"). rank: 1 for the weakest question of the
-- year (ties share a rank). n_weak_previous: the same count a year earlier for the same cell, NULL when
-- the cell was not asked then or opens a new series this year (never compared across a series break).
-- responsible_text: who is responsible for the question (oj_cell_owner): "Den svarande nämnden", another
-- nämnd by name ("Socialnämnden"), or both when shared ("Socialnämnden och den svarande nämnden (delat)").
-- Grain: (year, indicator_id).
-- Invariant: n_ja + n_nej + n_unanswered + n_other + n_no_row = n_units; n_weak <= n_units.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_oj_question_rank as
with units as (
    select distinct year, unit_id from oj_answer
    where unit_id in (select unit_id from stg_org_namnd where answers_oj)
),
cells as (
    select y.year, unnest(y.cells) as indicator_id from dash_oj_year y
),
counts as (
    select c.year, c.indicator_id,
        count(distinct u.unit_id)::integer as n_units,
        count(a.answer) filter (where a.answer = 'ja')::integer as n_ja,
        count(a.answer) filter (where a.answer = 'nej')::integer as n_nej,
        count(a.answer) filter (where a.answer = 'ej_svar')::integer as n_unanswered,
        count(a.answer) filter (where a.answer not in ('ja', 'nej', 'ej_svar'))::integer as n_other,
        count(*) filter (where a.answer is null)::integer as n_no_row,
    from cells c
    join units u using (year)
    left join oj_answer a on a.year = c.year and a.unit_id = u.unit_id and a.indicator_id = c.indicator_id
    group by c.year, c.indicator_id
),
owners as (
    select w.year, w.indicator_id,
        string_agg(distinct o.name, ', ' order by o.name) filter (where w.owner_unit_id <> w.unit_id) as other_owners,
        bool_or(w.owner_unit_id = w.unit_id) as answering_responsible,
    from oj_cell_owner w
    join org_unit o on o.unit_id = w.owner_unit_id
    where w.unit_id in (select unit_id from stg_org_namnd where answers_oj)
    group by all
),
final as (
    select c.*,
        case when w.other_owners is null then 'Den svarande nämnden'
             when w.answering_responsible then w.other_owners || ' och den svarande nämnden (delat)'
             else w.other_owners end as responsible_text,
        c.n_nej + c.n_unanswered + c.n_no_row as n_weak,
        rank() over (partition by c.year order by c.n_nej + c.n_unanswered + c.n_no_row desc)::integer as rank,
        case when i.break_year = c.year then null else p.n_nej + p.n_unanswered + p.n_no_row end as n_weak_previous,
        case when i.break_year = c.year then null else p.n_units end as n_units_previous,
    from counts c
    join stg_indicator i using (indicator_id)
    left join owners w using (year, indicator_id)
    left join counts p on p.indicator_id = c.indicator_id and p.year = c.year - 1
)
select * from final
