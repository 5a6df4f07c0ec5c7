-- dash_quality_alias_used: Datakvalitet's list of unit names read through an alias – alias_used, per
-- file and spelling. Grain: (source_file_id, unit_text).
create or replace view dash_quality_alias_used as
select *
from alias_used
