-- template_requirement: the requirements a template asks a nämnd or bolag about in a year
-- (requirement_applicability), with the heading it stands under – its fokusområde's title, or for a
-- requirement outside today's fokusområden its programme area's title – and the template's order
-- (sheet_order: by fokusområde, the others last, then requirement id). Grain: (year, unit_id, requirement_id).
create or replace view template_requirement as
select a.year, a.unit_id, r.requirement_id, coalesce(f.title_sv, x.source_title_sv, r.programme_area) as fokusomrade, r.text_sv,
    row_number() over (partition by a.year, a.unit_id order by f.sort_order nulls last, r.requirement_id) as sheet_order
from requirement_applicability a
join requirement r using (requirement_id)
left join fokusomrade f on f.fokusomrade = r.fokusomrade
left join area_crosswalk x on x.scheme = r.programme_version and x.source_area = r.programme_area
