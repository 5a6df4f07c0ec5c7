-- dash_quality_fidelity_not_ok: Datakvalitet's rows of fidelity that are not ok – the recomputed share
-- differs from the published one, or the file published no share (ok NULL) – with the unit's name (a
-- kommungrupp's in the edition of SKR's kommungruppsindelning in force that year, which kommungrupp_edition
-- names). Grain: (source_file_id, year, unit_id, indicator_id). share_recomputed rounded to 4 decimals for display.
-- Invariant: ok is never true.
create or replace view dash_quality_fidelity_not_ok as
select
    f.source_file_id, f.file_name, f.year, f.level, f.unit_id, coalesce(g.name, u.name) as unit_name, f.kommungrupp_edition, f.indicator_id,
    f.share_published, f.n_published, round(f.share_recomputed, 4) as share_recomputed, f.n_responding,
    f.n_respondents_row, f.n_respondents_recomputed, f.diff_pp, f.ok,
from fidelity f
join org_unit u using (unit_id)
left join kommungrupp_group g on g.edition = f.kommungrupp_edition and g.unit_id = f.unit_id
where f.ok is distinct from true
