-- dash_comparison_comparator: Jämförelse's comparators: one row per role × unit of oj_comparison, in
-- the page's order (sort_order): the city's nämnder pooled, the kommun itself, then setting
-- comparison_units in their written order. Grain: (role, unit_id).
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_comparison_comparator as
select distinct c.role, c.unit_id, c.unit_name, u.kind,
       case c.role when 'stadsdelsnamnder' then 0 when 'kommun' then 1 else 1 + coalesce(l.n, 99) end::integer as sort_order,
from oj_comparison c
join org_unit u using (unit_id)
left join setting_list l on l.key = 'comparison_units' and l.value = c.unit_id
