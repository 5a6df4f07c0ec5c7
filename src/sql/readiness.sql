-- readiness: one row per year × unit × fokusområde × basis, for every year × unit × basis with data.
-- Grain: (year, unit_id, fokusomrade, basis). The counts of readiness_item: basis oj (the ÖJ cells the
-- unit is responsible for, through the catalog's area → fokusområde crosswalk), self (self-assessment,
-- latest period of the year, requirements that apply to the unit: requirement_applicability), combined
-- (both, each fact once, a requirement with its matched ÖJ cells scored by its latest dated evidence –
-- see readiness_item). The three are shown side by side, each with its n.
-- ÖJ only covers beredskap and olycksförebyggande: säkerhetsskydd and personsäkerhet come from
-- self-assessments only, so their oj rows have n_items = 0 and share_met NULL ("inga uppgifter").
-- A requirement whose programme area maps to no fokusområde (area_crosswalk, requirements.csv column
-- fokusomrade "-") is in no row here; readiness_programme_area shows it in its own area.
-- n_oj_merged: ÖJ cells counted inside a requirement (0 for oj and self); hence combined n_items =
-- oj n_items + self n_items - n_oj_merged. n_disagree (combined): requirement items whose two sources
-- disagree (readiness_item.sources_disagree), 0 elsewhere.
-- Columns: n_items = all items; n_met (ja/uppfyllt), n_partial (delvis), n_not_met (nej/ej uppfyllt),
-- n_in_progress (arbete pågår), n_unanswered (ej svar, or a requirement left out of a report),
-- n_not_applicable (ej aktuellt). n_applicable = n_items - n_not_applicable.
-- share_met = n_met / n_applicable: unanswered items count as applicable and not met (an unanswered
-- question is a gap); delvis and pågår are never met; NULL when n_applicable = 0 (never 0, never 100).
-- share_answered = (n_applicable - n_unanswered) / n_applicable, NULL likewise.
-- few_items: a share over fewer applicable items than setting min_items_for_share (5): one item moves it
-- by a fifth or more, so every page and report says so beside it.
-- programme_version: the säkerhetsprogram version in force that year; NULL in a year no programme was in
-- force (2017): such a year is shown, never graded (goal_attainment).
-- publish_in_public: false for a fokusområde in setting public_aggregate_only (säkerhetsskydd): a share
-- over three requirements tells which one a nämnd lacks, so a public build shows it for the city as a
-- whole only (readiness_city); the internal build shows every row.
-- Invariants: n_met + n_partial + n_not_met + n_in_progress + n_unanswered + n_not_applicable = n_items;
-- 0 <= share_met <= 1; share_met is NULL exactly when n_applicable = 0.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view readiness as
with
frame as (
    -- every fokusområde for each year × unit × basis that has any data, so that "no data" is a row with NULL
    select i.year, i.unit_id, i.basis, f.fokusomrade
    from (select distinct year, unit_id, basis from readiness_item) i cross join fokusomrade f
),
tally as (
    -- counted before joining the frame: a row per group, not per item
    select
        year, unit_id, fokusomrade, basis,
        count(*) as n_items,
        count(*) filter (where outcome = 'met') as n_met,
        count(*) filter (where outcome = 'partial') as n_partial,
        count(*) filter (where outcome = 'not_met') as n_not_met,
        count(*) filter (where outcome = 'in_progress') as n_in_progress,
        count(*) filter (where outcome = 'unanswered') as n_unanswered,
        count(*) filter (where outcome = 'not_applicable') as n_not_applicable,
        sum(n_cells_merged) as n_oj_merged,
        count(*) filter (where sources_disagree) as n_disagree,
    from readiness_item
    group by all
),
counts as (
    select
        fr.year, fr.unit_id, fr.fokusomrade, fr.basis,
        coalesce(t.n_items, 0)::integer as n_items,
        coalesce(t.n_met, 0)::integer as n_met,
        coalesce(t.n_partial, 0)::integer as n_partial,
        coalesce(t.n_not_met, 0)::integer as n_not_met,
        coalesce(t.n_in_progress, 0)::integer as n_in_progress,
        coalesce(t.n_unanswered, 0)::integer as n_unanswered,
        coalesce(t.n_not_applicable, 0)::integer as n_not_applicable,
        coalesce(t.n_oj_merged, 0)::integer as n_oj_merged,
        coalesce(t.n_disagree, 0)::integer as n_disagree,
    from frame fr
    left join tally t using (year, unit_id, fokusomrade, basis)
),
final as (
    select
        c.*,
        c.n_items - c.n_not_applicable as n_applicable,
        c.n_met / nullif(c.n_items - c.n_not_applicable, 0) as share_met,
        (c.n_items - c.n_not_applicable - c.n_unanswered) / nullif(c.n_items - c.n_not_applicable, 0) as share_answered,
        c.n_items - c.n_not_applicable between 1 and min_items_for_share() - 1 as few_items,
        pv.programme_version,
        c.fokusomrade not in (select value from setting_list where key = 'public_aggregate_only') as publish_in_public,
    from counts c
    left join programme_version pv on c.year between pv.first_year and coalesce(pv.last_year, 9999)
)
select * from final
