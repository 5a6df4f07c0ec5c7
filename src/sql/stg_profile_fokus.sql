-- stg_profile_fokus: the one rule of what a build profile shows of a single unit. One row per build
-- profile (public, internal) × fokusområde whose per-unit figures, counts and rows that profile carries,
-- plus a row with fokusomrade NULL for each profile (requirements that count towards no fokusområde,
-- shown in both). Profile internal: every fokusområde; profile public: all but those of setting
-- public_aggregate_only (säkerhetsskydd), which a public build shows for the city as a whole only.
-- Every view with one row set per profile takes its profiles and its per-unit redaction from here.
-- Grain: (profile, fokusomrade).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view stg_profile_fokus as
with profiles as (
    select * from (values ('public'), ('internal')) p(profile)
),
fokus as (
    select fokusomrade from fokusomrade union all select null
)
select p.profile, f.fokusomrade
from profiles p
cross join fokus f
where p.profile = 'internal' or f.fokusomrade is null
   or f.fokusomrade not in (select value from setting_list where key = 'public_aggregate_only')
