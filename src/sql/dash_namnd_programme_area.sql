-- dash_namnd_programme_area: a nämnd page's year in its own programme's areas (readiness_programme_area)
-- with the mapping to today's fokusområden alongside (fokusomrade_title; NULL where the area maps to
-- none). Grain: (unit_id, year, programme_area).
-- publish_in_public: readiness_programme_area's, and false too where any of the area's requirements
-- counts under a fokusområde of setting public_aggregate_only (mapped_fokusomraden): a public build's
-- loader leaves those rows out, so no per-unit säkerhetsskydd share reaches it by another name.
create or replace view dash_namnd_programme_area as
select
    r.unit_id, r.year, r.programme_version, r.programme_title, r.programme_area, r.programme_area_title,
    r.fokusomrade, f.title_sv as fokusomrade_title, r.mapped_fokusomraden,
    r.n_applicable, r.n_met, r.share_met,
    r.publish_in_public and not exists (
        select 1 from setting_list s
        where s.key = 'public_aggregate_only' and list_contains(string_split(r.mapped_fokusomraden, ','), s.value)
    ) as publish_in_public,
from readiness_programme_area r
left join fokusomrade f using (fokusomrade)
where r.unit_id in (select unit_id from stg_org_namnd)
