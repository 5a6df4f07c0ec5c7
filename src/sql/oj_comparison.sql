-- oj_comparison: one row per year × ÖJ indicator × comparator. Grain: (year, indicator_id, role, unit_id).
-- role stadsdelsnamnder: the organisation's ÖJ-answering nämnder pooled – "stadsdelsnämnderna
-- sammantaget", never the kommun's own answer (stg_org_namnd.answers_oj; unit_id = the organisation);
-- role kommun: the organisation's own kommun-level answer, where the file has one;
-- role jamforelse: each unit in setting comparison_units (riket, its län, Göteborg, Malmö, a
-- kommungrupp…) — a kommun by its answer; riket, län and kommungrupp by the share computed from their
-- kommuner's answers, with the share the file itself published beside it.
-- compared_unit: what a row counts — 'stadsdelsnamnder' (the nämnder pooled), 'kommuner' (riket, län,
-- kommungrupp: kommuner pooled) or 'kommun' (one kommun's own answer); its words are labels.csv's
-- comparison_unit.
-- A kommungrupp pools the kommuner of the edition of SKR's kommungruppsindelning in force that year
-- (stg_kommungrupp_member), named kommungrupp_edition (NULL for every other row), and is named as in that
-- edition (unit_name).
-- share_ja everywhere = n_ja / n_responding, n_responding = answers ja, nej, delvis or pagar: the
-- definition Socialstyrelsen publishes (ej_svar and ej_aktuellt left out), so the city's share can be
-- read against riket's. For a single kommun share_ja is 1 or 0, NULL when it did not respond.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view oj_comparison as
with org as (
    select value as unit_id from setting where key = 'organisation_unit_id'
),
comparators as (
    select c.value as unit_id, cu.kind, cu.lan_code
    from setting_list c join org_unit cu on cu.unit_id = c.value
    where c.key = 'comparison_units'
),
members as (
    -- the kommuner each comparator stands for, in the ÖJ years first_year–last_year (NULL: every year)
    select c.unit_id as comparator_id, k.unit_id as member_id, null::varchar as edition, null::varchar as group_name,
           null::integer as first_year, null::integer as last_year
    from comparators c
    join org_unit k on k.kind = 'kommun' and (
        c.kind = 'riket'
        or (c.kind = 'lan' and k.lan_code = c.lan_code)
        or (c.kind = 'kommun' and k.unit_id = c.unit_id))
    union all
    select c.unit_id, m.unit_id, m.edition, m.group_name, m.first_year, m.last_year
    from comparators c
    join stg_kommungrupp_member m on m.group_unit_id = c.unit_id
    where c.kind = 'kommungrupp'
    union all
    select (select unit_id from org), n.unit_id, null, null, null, null from stg_org_namnd n where n.answers_oj
),
pooled as (
    select
        o.year, o.indicator_id, m.comparator_id as unit_id,
        case when m.comparator_id = (select unit_id from org) then 'stadsdelsnamnder' else 'jamforelse' end as role,
        count(*) filter (where o.answer = 'ja')::integer as n_ja,
        count(*) filter (where o.answer in ('ja', 'nej', 'delvis', 'pagar'))::integer as n_responding,
        count(*)::integer as n_units,
        case when count(*) = 1 then any_value(o.answer) end as answer,
        any_value(m.edition) as kommungrupp_edition,
        any_value(m.group_name) as group_name,
    from members m
    join stg_oj_item o on o.unit_id = m.member_id
        and o.year between coalesce(m.first_year, o.year) and coalesce(m.last_year, o.year)
    group by o.year, o.indicator_id, m.comparator_id
),
own as (
    select o.year, o.indicator_id, o.unit_id, 'kommun' as role,
        (o.answer = 'ja')::integer as n_ja, (o.answer in ('ja', 'nej', 'delvis', 'pagar'))::integer as n_responding,
        1 as n_units, o.answer, null::varchar as kommungrupp_edition, null::varchar as group_name,
    from stg_oj_item o
    where o.unit_id = (select unit_id from org)
),
final as (
    select
        p.year, p.indicator_id, i.area, i.verksamhet, i.series, p.role, p.unit_id, coalesce(p.group_name, u.name) as unit_name,
        case
            when p.role = 'stadsdelsnamnder' then 'stadsdelsnamnder'
            when u.kind = 'kommun' then 'kommun'
            else 'kommuner'
        end as compared_unit,
        p.kommungrupp_edition,
        p.n_ja / nullif(p.n_responding, 0) as share_ja,
        p.n_responding, p.n_units, p.answer,
        s.share_ja as share_ja_published,
    from (select * from pooled union all select * from own) p
    join indicator i using (indicator_id)
    join org_unit u on u.unit_id = p.unit_id
    left join oj_published_share s on s.year = p.year and s.indicator_id = p.indicator_id and s.unit_id = p.unit_id
)
select * from final
