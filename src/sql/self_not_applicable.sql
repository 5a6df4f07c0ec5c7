-- self_not_applicable: one row per self-assessment row for a requirement that does not apply to the
-- unit that year (requirement_applicability): stored, traceable, but no item of the unit – listed here so
-- that it is never silently dropped (`beredskap check`). Usually an old template, or applicability data
-- changed after the templates were sent. Grain: (year, period, unit_id, requirement_id).
create or replace view self_not_applicable as
select s.year, s.period, s.unit_id, u.name as unit_name, s.requirement_id, s.status, s.raw_status, f.file_name, s.sheet, s.source_row
from self_assessment s
join org_unit u using (unit_id)
join source_file f using (source_file_id)
where not exists (
    select 1 from requirement_applicability a
    where a.year = s.year and a.unit_id = s.unit_id and a.requirement_id = s.requirement_id
)
