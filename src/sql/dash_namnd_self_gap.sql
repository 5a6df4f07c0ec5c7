-- dash_namnd_self_gap: a nämnd page's open self-assessment gaps in the latest period it reported each
-- year (self_gap, not åtgärdad), once per build profile, with the public profile's redaction done here:
-- profile internal has everything; profile public has no free text, owners or dates (comment,
-- planned_action, owner, due_date and overdue – which requirement is försenad, self_gap.overdue – are
-- NULL; how many are försenade is public, in unit_period_count) and no row of a fokusområde in setting
-- public_aggregate_only (säkerhetsskydd: only its aggregate shares are published).
-- Grain: (profile, unit_id, year, requirement_id). Invariant: a public row never carries free text.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_namnd_self_gap as
select
    p.profile, g.unit_id,
    g.year, g.period, g.requirement_id, g.fokusomrade, g.requirement_text, g.status,
    case when p.profile = 'internal' then g.comment end as comment,
    case when p.profile = 'internal' then g.planned_action end as planned_action,
    case when p.profile = 'internal' then g.owner end as owner,
    case when p.profile = 'internal' then g.due_date::varchar end as due_date,
    case when p.profile = 'internal' then g.overdue end as overdue,
    g.gap_status, g.since_year, g.since_period,
from self_gap g
join stg_self_latest_period l using (year, unit_id, period)
join stg_profile_fokus p on p.fokusomrade is not distinct from g.fokusomrade
where g.gap_status <> 'atgardad'
