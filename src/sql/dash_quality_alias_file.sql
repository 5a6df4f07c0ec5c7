-- dash_quality_alias_file: Datakvalitet's summary of names read through an alias: one row per imported
-- file with at least one unit spelling resolved through an alias (alias_used). Grain: (source_file_id).
-- n_spellings: distinct spellings; n_units: distinct units they resolved to; n_rows: facts stored under
-- them. The spellings themselves are searched and paged on the page, not all shown at once.
create or replace view dash_quality_alias_file as
select source_file_id, file_name,
    count(*)::integer as n_spellings,
    count(distinct unit_id)::integer as n_units,
    sum(n_rows)::integer as n_rows,
from alias_used
group by all
