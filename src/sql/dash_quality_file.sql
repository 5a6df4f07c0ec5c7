-- dash_quality_file: Datakvalitet's list of imported files, one row per source_file, with the name of
-- the file that replaced it (superseded_by_name) and the first 12 characters of its sha256.
-- Grain: (source_file_id). imported_at as 'YYYY-MM-DD HH:MM' text.
create or replace view dash_quality_file as
select
    f.source_file_id, f.kind, f.file_name, f.years, left(f.sha256, 12) as sha256_prefix,
    f.rows_read, f.rows_stored, strftime(f.imported_at, '%Y-%m-%d %H:%M') as imported_at, f.is_sample,
    r.file_name as superseded_by_name,
from source_file f
left join source_file r on r.source_file_id = f.superseded_by
