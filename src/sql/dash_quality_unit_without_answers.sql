-- dash_quality_unit_without_answers: Datakvalitet's list of units with no ÖJ answer in a year their
-- level was imported – unit_without_answers. Grain: (year, unit_id).
create or replace view dash_quality_unit_without_answers as
select *
from unit_without_answers
