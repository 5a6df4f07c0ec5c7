-- dash_quality_fidelity_total: Datakvalitet's sentence on fidelity: over every imported file, how many
-- published shares agree with the recomputed ones (n_ok), differ (n_not_ok) or have no published share
-- (n_no_published), and all of them (n_rows). One row. Grain: (). Invariant: the three add up to n_rows.
create or replace view dash_quality_fidelity_total as
select coalesce(sum(n_rows), 0)::integer as n_rows, coalesce(sum(n_ok), 0)::integer as n_ok,
       coalesce(sum(n_not_ok), 0)::integer as n_not_ok, coalesce(sum(n_no_published), 0)::integer as n_no_published,
from dash_quality_fidelity
