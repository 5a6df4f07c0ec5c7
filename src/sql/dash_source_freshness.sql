-- dash_source_freshness: the pages' note of what the figures rest on – source_freshness, per kind of
-- source the files in force, their years and latest import. Grain: (kind).
create or replace view dash_source_freshness as
select *
from source_freshness
