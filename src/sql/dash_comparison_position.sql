-- dash_comparison_position: Jämförelse's dot plot and Stadsledning's count: one row per year × ÖJ
-- indicator × comparison group: the city's share Ja – its ÖJ-answering nämnder pooled, "stadsdelsnämnderna
-- sammantaget" (role stadsdelsnamnder of oj_comparison) – beside the group's. Grain: (year, indicator_id,
-- comparator_id).
-- Comparison groups: every unit of setting comparison_units (riket, län, kommungrupp; single kommuner
-- too, with is_single_kommun true, so a page shows them only on request), and every SKR kommungrupp
-- pooled from its kommuner (comparator_id 'skr-<code>', so any kommun can be compared with through
-- its kommungrupp). is_standing_group: a configured group other than a single kommun – riket, the län,
-- the organisation's kommungrupp: the groups a page compares with unless asked for more (the one place
-- that rule is written). comparator_unit: what the group's share counts, 'kommuner' (pooled) or 'kommun' (one
-- kommun's answer), words in labels.csv's comparison_unit.
-- A kommungrupp, configured or SKR's, is the group of the edition of SKR's kommungruppsindelning in force
-- that year (stg_kommungrupp_member), named as in that edition; kommungrupp_edition says which (NULL for
-- other groups).
-- share_ja = n_ja / n_responding as in oj_comparison. diff_pp = (city − group) × 100; position:
-- 'over' / 'lika' / 'under' the group, lika within setting comparison_equal_within_pp (default 0.5
-- percentage points, the fidelity tolerance); NULL when either share is missing. previous_position:
-- the same indicator's position the year before – NULL across a series break (the indicator id
-- changes), when that year has none, or when a new edition changed the group's kommuner (regrouped:
-- true); changed: position differs from previous_position.
-- Invariant: position is NULL exactly when city_share or share_ja is NULL.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_comparison_position as
with tolerance as (
    select coalesce((select try_cast(value as double) from setting where key = 'comparison_equal_within_pp'), 0.5) as pp
),
city as (
    select year, indicator_id, share_ja as city_share, n_responding as city_n_responding
    from oj_comparison where role = 'stadsdelsnamnder'
),
group_members as (
    -- which kommuner a kommungrupp holds in an edition, as one value: equal values, same group
    select edition, group_unit_id, md5(string_agg(unit_id, ',' order by unit_id)) as members_key
    from stg_kommungrupp_member
    group by all
),
configured as (
    select c.year, c.indicator_id, c.unit_id as comparator_id, c.unit_name as comparator_name, u.kind as comparator_kind,
           u.kind = 'kommun' as is_single_kommun, u.kind <> 'kommun' as is_standing_group, c.compared_unit as comparator_unit, c.kommungrupp_edition,
           g.members_key, c.share_ja, c.n_responding, c.n_units,
    from oj_comparison c
    join org_unit u using (unit_id)
    left join group_members g on g.edition = c.kommungrupp_edition and g.group_unit_id = c.unit_id
    where c.role = 'jamforelse'
),
skr as (
    select o.year, o.indicator_id, 'skr-' || m.skr_group as comparator_id,
           any_value(m.group_name) as comparator_name, 'kommungrupp' as comparator_kind,
           false as is_single_kommun, false as is_standing_group, 'kommuner' as comparator_unit, m.edition as kommungrupp_edition,
           any_value(g.members_key) as members_key,
           count(*) filter (where o.answer = 'ja') / nullif(count(*) filter (where o.answer in ('ja', 'nej', 'delvis', 'pagar')), 0) as share_ja,
           count(*) filter (where o.answer in ('ja', 'nej', 'delvis', 'pagar'))::integer as n_responding,
           count(*)::integer as n_units,
    from stg_oj_item o
    join stg_kommungrupp_member m on m.unit_id = o.unit_id and o.year between m.first_year and coalesce(m.last_year, o.year)
    join group_members g on g.edition = m.edition and g.group_unit_id = m.group_unit_id
    group by o.year, o.indicator_id, m.skr_group, m.edition
),
joined as (
    select g.*, i.area, i.verksamhet, c.city_share, c.city_n_responding,
           round((c.city_share - g.share_ja) * 100, 2) as diff_pp,
           case
               when c.city_share is null or g.share_ja is null then null
               when abs(c.city_share - g.share_ja) * 100 <= (select pp from tolerance) then 'lika'
               when c.city_share > g.share_ja then 'over'
               else 'under'
           end as position,
    from (select * from configured union all select * from skr) g
    join indicator i using (indicator_id)
    left join city c using (year, indicator_id)
)
select j.year, j.indicator_id, j.area, j.verksamhet, j.comparator_id, j.comparator_name, j.comparator_kind, j.is_single_kommun, j.is_standing_group,
       j.comparator_unit, j.kommungrupp_edition,
       round(j.city_share, 4) as city_share, j.city_n_responding, round(j.share_ja, 4) as share_ja, j.n_responding, j.n_units,
       j.diff_pp, j.position,
       r.regrouped,
       case when not r.regrouped then p.position end as previous_position,
       coalesce(j.position <> p.position and not r.regrouped, false) as changed,
from joined j
left join joined p on p.year = j.year - 1 and p.indicator_id = j.indicator_id and p.comparator_id = j.comparator_id
cross join lateral (select p.year is not null and p.members_key is distinct from j.members_key as regrouped) r
