-- annual_oj_area: the annual follow-up's ÖJ comparison: the organisation's stadsdelsnämnder sammantaget
-- (oj_comparison role stadsdelsnamnder: its ÖJ-answering nämnder pooled) beside riket, the län and the
-- kommungrupp of setting comparison_units (role jamforelse, unit kinds riket, lan, kommungrupp), per ÖJ
-- area and year. One row per year × area × series × comparator. Grain: (year, area, series, comparator_id).
-- Each oj_comparison row (one ÖJ cell: area × verksamhet) is pooled over the area's cells of the year:
-- n_ja = Σ share_ja × n_responding (each cell's own Ja count), n_responding = Σ n_responding (answers
-- Ja, Nej, Delvis, Pågår), share_ja = n_ja / n_responding, NULL when no one responded; n_cells: the
-- area's cells in the pool. comparator_name: the unit's name, for the stadsdelsnämnder the label of
-- comparison role stadsdelsnamnder ("Stadsdelsnämnderna sammantaget"); comparator_order: the
-- stadsdelsnämnder first, then riket, län, kommungrupp.
-- series, series_first_year: the ÖJ series the area's cells belong to that year (indicator.series) and
-- its first year here; opens_series: the series began after the area's first year (Socialstyrelsen's
-- revision of 2023), so nothing is compared across it: previous_share_ja is the same comparator's share
-- the year before in the same series, else NULL.
-- Invariant: n_ja <= n_responding; share_ja is NULL exactly when n_responding = 0.
create or replace view annual_oj_area as
with cells as (
    select c.year, c.area, c.series, c.role,
        case when c.role = 'stadsdelsnamnder' then 'stadsdelsnamnder' else c.unit_id end as comparator_id,
        case when c.role = 'stadsdelsnamnder' then coalesce(l.label, c.unit_name) else c.unit_name end as comparator_name,
        case when c.role = 'stadsdelsnamnder' then 'stadsdelsnamnder' else u.kind end as comparator_kind,
        round(coalesce(c.share_ja, 0) * c.n_responding)::integer as n_ja,
        c.n_responding,
    from oj_comparison c
    join org_unit u using (unit_id)
    left join dash_label l on l.domain = 'comparison_role' and l.code = c.role
    where c.role = 'stadsdelsnamnder' or (c.role = 'jamforelse' and u.kind in ('riket', 'lan', 'kommungrupp'))
),
pooled as (
    select year, area, series, comparator_id,
        any_value(comparator_name) as comparator_name, any_value(comparator_kind) as comparator_kind,
        sum(n_ja)::integer as n_ja, sum(n_responding)::integer as n_responding, count(*)::integer as n_cells,
    from cells
    group by all
),
placed as (
    select p.*,
        p.n_ja / nullif(p.n_responding, 0) as share_ja,
        min(p.year) over (partition by p.area, p.series) as series_first_year,
        min(p.year) over (partition by p.area) as area_first_year,
        case p.comparator_kind when 'stadsdelsnamnder' then 1 when 'riket' then 2 when 'lan' then 3 else 4 end as comparator_order,
    from pooled p
)
select x.year, x.area, a.title_sv as area_title, a.sort_order as area_order, x.series, x.series_first_year,
    x.series_first_year > x.area_first_year as opens_series,
    x.comparator_id, x.comparator_name, x.comparator_kind, x.comparator_order,
    x.n_ja, x.n_responding, x.n_cells, x.share_ja,
    p.share_ja as previous_share_ja,
from placed x
join oj_area a using (area)
left join placed p on p.year = x.year - 1 and p.area = x.area and p.series = x.series and p.comparator_id = x.comparator_id
