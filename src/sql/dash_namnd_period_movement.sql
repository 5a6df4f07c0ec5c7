-- dash_namnd_period_movement: the säkerhetssamordnare's movement within a year, T1 → T2 →
-- verksamhetsberättelse: one row per build profile × nämnd × period it reported (any self_assessment
-- row), with its self-assessment gaps that period (self_gap): open (n_open = n_new + n_remaining), new
-- since the period before, remaining, and fixed (uppfyllt now, a gap the period before).
-- Grain: (profile, unit_id, year, period).
-- n_overdue_at_period_end: open gaps whose planned action was due before the period ended (internal
-- only: due dates are not published; NULL in profile public). Profile public leaves out the gaps of a
-- fokusområde in setting public_aggregate_only (säkerhetsskydd), as dash_namnd_self_gap does.
-- Invariant: n_open = n_new + n_remaining.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_period_movement as
with reported as (
    select distinct s.year, s.period, s.unit_id, p.sort_order as period_order
    from self_assessment s join period p using (period)
    where s.unit_id in (select unit_id from stg_org_namnd)
),
profiles as (
    select * from (values ('public'), ('internal')) p(profile)
),
gaps as (
    select pr.profile, g.*
    from self_gap g
    cross join profiles pr
    where pr.profile = 'internal' or coalesce(g.fokusomrade, '') not in (select value from setting_list where key = 'public_aggregate_only')
),
final as (
    select pr.profile, r.unit_id, r.year, r.period, r.period_order,
        count(g.requirement_id) filter (where g.gap_status <> 'atgardad')::integer as n_open,
        count(g.requirement_id) filter (where g.gap_status = 'ny')::integer as n_new,
        count(g.requirement_id) filter (where g.gap_status = 'kvarstaende')::integer as n_remaining,
        count(g.requirement_id) filter (where g.gap_status = 'atgardad')::integer as n_fixed,
        case when pr.profile = 'internal'
             then count(g.requirement_id) filter (where g.overdue_at_period_end)::integer end as n_overdue_at_period_end,
    from reported r
    cross join profiles pr
    left join gaps g on g.profile = pr.profile and g.year = r.year and g.period = r.period and g.unit_id = r.unit_id
    group by pr.profile, r.unit_id, r.year, r.period, r.period_order
)
select * from final
