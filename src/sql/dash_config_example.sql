-- dash_config_example: what of the configuration in force is an example the city must check or replace
-- (source=exempel in data/: the bolag list, the requirement catalog, whom each requirement applies to,
-- who is responsible for an ÖJ question, the targets, the programme versions' dates), so that every page
-- using one says *exempel* beside it – not only the sample files. One row per kind with at least one
-- example row in force. Grain: (kind). n_rows: how many rows of that kind are examples; label: what a
-- reader is told (data/labels.csv, domain config_example).
create or replace view dash_config_example as
with kinds as (
    select 'bolag' as kind, count(*) filter (where is_sample)::integer as n_rows from stg_org_namnd where unit_group = 'bolag'
    union all
    select 'namnd', count(*) filter (where is_sample)::integer from stg_org_namnd where unit_group = 'namnd'
    union all
    select 'krav', count(*) filter (where is_sample)::integer from requirement
    union all
    select 'tillampning', count(*) filter (where is_sample)::integer from requirement_applicability_rule
    union all
    select 'ansvar', count(*) filter (where is_sample)::integer from oj_owner_rule
    union all
    select 'mal', count(*) filter (where is_sample)::integer from target
    union all
    select 'program', count(*) filter (where is_sample)::integer from programme_version
)
select k.kind, k.n_rows, l.label
from kinds k
join display_label l on l.domain = 'config_example' and l.code = k.kind
where k.n_rows > 0
