-- dash_quality_fidelity: Datakvalitet's fidelity summary: one row per imported file × year × level
-- (riket, län, kommungrupp) of the fidelity view: rows checked, ok, not ok, without a published share,
-- and the largest difference in percentage points. Grain: (source_file_id, year, level).
-- Invariant: n_ok + n_not_ok + n_no_published = n_rows.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_quality_fidelity as
select source_file_id, file_name, year, level,
       count(*)::integer as n_rows,
       count(*) filter (where ok)::integer as n_ok,
       count(*) filter (where not ok)::integer as n_not_ok,
       count(*) filter (where ok is null)::integer as n_no_published,
       max(abs(diff_pp)) as max_abs_diff_pp,
from fidelity
group by all
