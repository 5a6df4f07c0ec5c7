-- dash_fokusomrade: the fokusområden as a build shows them: one row per build profile × fokusområde, in
-- the programme's order, with shown_per_unit – whether that profile shows a single unit's figures for it
-- (stg_profile_fokus: a public build shows säkerhetsskydd for the city as a whole only) – and
-- hidden_per_unit_text, the titles of those it does not, lower case and comma separated ('' when none),
-- for the pages' "utom säkerhetsskydd". Pages read which fokusområden to show per unit here and nowhere
-- else. Grain: (profile, fokusomrade).
create or replace view dash_fokusomrade as
with rows as (
    select p.profile, f.fokusomrade, f.title_sv, f.description_sv, f.sort_order,
        exists (select 1 from stg_profile_fokus s where s.profile = p.profile and s.fokusomrade = f.fokusomrade) as shown_per_unit,
    from fokusomrade f
    cross join (select distinct profile from stg_profile_fokus) p
)
select *,
    coalesce(string_agg(lower(title_sv), ', ' order by sort_order) filter (where not shown_per_unit) over (partition by profile), '') as hidden_per_unit_text,
from rows
