-- readiness: one row per year × unit × fokusområde × basis, for every year × unit × basis with data.
-- Grain: (year, unit_id, fokusomrade, basis). basis: oj (ÖJ answers, through the catalog's area →
-- fokusområde crosswalk), self (self-assessment, latest period of the year), combined (both).
-- ÖJ only covers beredskap and olycksförebyggande: säkerhetsskydd and personsäkerhet come from
-- self-assessments only, so their oj rows have n_items = 0 and share_met NULL ("inga uppgifter").
-- Columns: n_items = all items; n_met (ja/uppfyllt), n_partial (delvis), n_not_met (nej/ej uppfyllt),
-- n_in_progress (arbete pågår), n_unanswered (ej svar, or a requirement left out of a report),
-- n_not_applicable (ej aktuellt). n_applicable = n_items - n_not_applicable.
-- share_met = n_met / n_applicable: unanswered items count as applicable and not met (an unanswered
-- question is a gap); delvis and pågår are never met; NULL when n_applicable = 0 (never 0, never 100).
-- share_answered = (n_applicable - n_unanswered) / n_applicable, NULL likewise.
-- programme_version: the säkerhetsprogram version the year belongs to.
-- Invariants: n_met + n_partial + n_not_met + n_in_progress + n_unanswered + n_not_applicable = n_items;
-- 0 <= share_met <= 1; share_met is NULL exactly when n_applicable = 0.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view readiness as
with items as (
    select year, unit_id, fokusomrade, 'oj' as basis, outcome from stg_oj_item
    union all
    select year, unit_id, fokusomrade, 'self', outcome from stg_self_item
),
items_all as (
    select * from items
    union all
    select year, unit_id, fokusomrade, 'combined', outcome from items
),
frame as (
    -- every fokusområde for each year × unit × basis that has any data, so that "no data" is a row with NULL
    select distinct i.year, i.unit_id, i.basis, f.fokusomrade
    from items_all i cross join fokusomrade f
),
counts as (
    select
        fr.year, fr.unit_id, fr.fokusomrade, fr.basis,
        count(i.outcome)::integer as n_items,
        count(*) filter (where i.outcome = 'met')::integer as n_met,
        count(*) filter (where i.outcome = 'partial')::integer as n_partial,
        count(*) filter (where i.outcome = 'not_met')::integer as n_not_met,
        count(*) filter (where i.outcome = 'in_progress')::integer as n_in_progress,
        count(*) filter (where i.outcome = 'unanswered')::integer as n_unanswered,
        count(*) filter (where i.outcome = 'not_applicable')::integer as n_not_applicable,
    from frame fr
    left join items_all i using (year, unit_id, fokusomrade, basis)
    group by all
),
final as (
    select
        c.*,
        c.n_items - c.n_not_applicable as n_applicable,
        c.n_met / nullif(c.n_items - c.n_not_applicable, 0) as share_met,
        (c.n_items - c.n_not_applicable - c.n_unanswered) / nullif(c.n_items - c.n_not_applicable, 0) as share_answered,
        pv.programme_version,
    from counts c
    left join programme_version pv on c.year between pv.first_year and coalesce(pv.last_year, 9999)
)
select * from final
