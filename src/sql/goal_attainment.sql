-- goal_attainment: one row per year × unit the organisation follows (nämnd or bolag, stg_org_namnd) in
-- force at the end of that year (31 December: the verksamhetsberättelse) × fokusområde, for every year
-- with readiness data. A unit without data that year is a row with share_met NULL ("inga uppgifter"),
-- never dropped; a nämnd merged away during the year is not counted again beside its successor.
-- share_met (*beräknad andel uppfyllt*) from readiness (basis combined), with its denominator
-- n_applicable. Grain: (year, unit_id, fokusomrade). unit_group: namnd or bolag.
-- This is the share WE compute and a grade by the city's target; the city's reported måluppfyllelse is
-- each unit's own judgement (*nämndens bedömning*, table unit_judgement, view judgement_comparison).
-- programme_version: the programme in force; in a year without one (2017) nothing is graded:
-- attainment NULL and not_graded_reason inget_program. publish_in_public: as in readiness (a per-unit
-- säkerhetsskydd grade is internal only).
-- target_share: from target (a row for the unit overrides the row for every nämnd; the year must fall in
-- first_year..last_year). attainment, by the thresholds held in data/targets.csv:
--   helt   share_met >= target_share
--   delvis share_met >= target_share - delvis_within_pp / 100
--   ej     below that
--   NULL   no data (share_met NULL) or no target: the page says "inga uppgifter"; or no programme.
-- not_graded_reason: inget_program, inga_uppgifter, inget_mal (in that order) when attainment is NULL.
-- Invariant: attainment is NULL exactly when share_met, target_share or programme_version is NULL.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view goal_attainment as
with frame as (
    select y.year, n.unit_id, n.unit_group, f.fokusomrade
    from (select distinct year from readiness) y
    join stg_org_namnd n on valid_on(n.valid_from, n.valid_to, make_date(y.year, 12, 31))
    cross join fokusomrade f
),
r as (
    select fr.year, fr.unit_id, fr.unit_group, fr.fokusomrade, r.share_met, coalesce(r.n_applicable, 0) as n_applicable,
        pv.programme_version,
    from frame fr
    left join programme_version pv on fr.year between pv.first_year and coalesce(pv.last_year, 9999)
    left join readiness r on r.year = fr.year and r.unit_id = fr.unit_id and r.fokusomrade = fr.fokusomrade and r.basis = 'combined'
),
targeted as (
    select
        r.*,
        coalesce(tu.target_share, tg.target_share) as target_share,
        coalesce(tu.delvis_within_pp, tg.delvis_within_pp) as delvis_within_pp,
    from r
    left join target tu
      on tu.unit_id = r.unit_id and tu.fokusomrade = r.fokusomrade and r.year between tu.first_year and coalesce(tu.last_year, 9999)
    left join target tg
      on tg.unit_id is null and tg.fokusomrade = r.fokusomrade and r.year between tg.first_year and coalesce(tg.last_year, 9999)
),
final as (
    select
        *,
        -- rounded so that 0.9 computed as 9/10 is not "below" a 0.9 target by floating-point noise
        case
            when programme_version is null or share_met is null or target_share is null then null
            when round(share_met, 9) >= round(target_share, 9) then 'helt'
            when round(share_met, 9) >= round(target_share - delvis_within_pp / 100, 9) then 'delvis'
            else 'ej'
        end as attainment,
        case
            when programme_version is null then 'inget_program'
            when share_met is null then 'inga_uppgifter'
            when target_share is null then 'inget_mal'
        end as not_graded_reason,
        fokusomrade not in (
            select unnest(string_split(value, '|')) from setting where key = 'public_aggregate_only'
        ) as publish_in_public,
    from targeted
)
select * from final
