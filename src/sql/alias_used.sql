-- alias_used: one row per source file × unit spelling that was resolved through an alias (a name other
-- than the unit's own, or a kommun code). Grain: (source_file_id, unit_text). Lets a reviewer check
-- that "Stockholm - Rinkeby-Kista" really was Rinkeby-Kista.
create or replace view alias_used as
with named as (
    select source_file_id, unit_text, unit_id, count(*) as n_rows from oj_answer group by all
    union all
    select source_file_id, unit_text, unit_id, count(*) from oj_published_share group by all
    union all
    select source_file_id, unit_text, unit_id, count(*) from self_assessment group by all
),
final as (
    select n.source_file_id, f.file_name, n.unit_text, n.unit_id, u.name as unit_name, sum(n.n_rows)::integer as n_rows
    from named n
    join source_file f using (source_file_id)
    join org_unit u using (unit_id)
    where lower(trim(n.unit_text)) <> lower(u.name)
    group by all
)
select * from final order by file_name, unit_text
