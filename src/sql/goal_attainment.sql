-- goal_attainment: one row per year × nämnd of the organisation × fokusområde with readiness data
-- (basis combined). Grain: (year, unit_id, fokusomrade).
-- target_share: from target (a row for the unit overrides the row for every nämnd; the year must fall in
-- first_year..last_year). attainment, by the thresholds held in data/targets.csv:
--   helt   share_met >= target_share
--   delvis share_met >= target_share - delvis_within_pp / 100
--   ej     below that
--   NULL   no data (share_met NULL) or no target: the page says "inga uppgifter".
-- Invariant: attainment is NULL exactly when share_met or target_share is NULL.
create or replace view goal_attainment as
with r as (
    select r.year, r.unit_id, r.fokusomrade, r.share_met, r.n_applicable
    from readiness r
    where r.basis = 'combined' and r.unit_id in (select unit_id from stg_org_namnd)
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
            when share_met is null or target_share is null then null
            when round(share_met, 9) >= round(target_share, 9) then 'helt'
            when round(share_met, 9) >= round(target_share - delvis_within_pp / 100, 9) then 'delvis'
            else 'ej'
        end as attainment,
    from targeted
)
select * from final
