-- source_freshness: one row per kind of source (oj_workbook, oj_csv, self_assessment, kolada): how many
-- files of that kind are in force (neither superseded nor removed), the latest import, the years covered, and whether any is sample
-- data (the dashboard then says "Exempeldata"). Grain: (kind).
create or replace view source_freshness as
select
    kind,
    count(*)::integer as n_files,
    strftime(max(imported_at), '%Y-%m-%d %H:%M') as latest_import,
    min(list_min(years))::integer as first_year,
    max(list_max(years))::integer as last_year,
    bool_or(is_sample) as any_sample,
from stg_source_in_force
group by kind
