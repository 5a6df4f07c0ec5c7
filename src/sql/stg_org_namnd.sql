-- stg_org_namnd: one row per unit the organisation follows (setting organisation_unit_id), current or
-- former: its nämnder – units of the kinds in setting namnd_kinds whose parent is the organisation
-- (stadsdelsnämnder, facknämnder, kommunstyrelse …) – and its bolag – units of the kinds in setting
-- bolag_kinds whose parent is the organisation or one of its bolag (Stockholms Stadshus AB and its
-- subsidiaries, at any depth). Grain: (unit_id).
-- unit_group: 'namnd' or 'bolag' – the city reports "N av M nämnder" and its bolag apart, so every
-- count over units is made per unit_group. answers_oj: the kind is in setting oj_namnd_kinds.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view stg_org_namnd as
with recursive
kinds as (
    select 'namnd' as unit_group, value as kind from setting_list where key = 'namnd_kinds'
    union all
    select 'bolag', value from setting_list where key = 'bolag_kinds'
),
bolag(unit_id) as (
    -- union, not union all: each unit is kept once, so parent_unit_id in a cycle ends the recursion too
    select u.unit_id from org_unit u
    where u.parent_unit_id = (select value from setting where key = 'organisation_unit_id')
      and u.kind in (select kind from kinds where unit_group = 'bolag')
    union
    select u.unit_id from org_unit u join bolag b on u.parent_unit_id = b.unit_id
    where u.kind in (select kind from kinds where unit_group = 'bolag')
)
select
    u.*,
    case when u.unit_id in (select unit_id from bolag) then 'bolag' else 'namnd' end as unit_group,
    u.kind in (select value from setting_list where key = 'oj_namnd_kinds') as answers_oj,
from org_unit u
where u.unit_id in (select unit_id from bolag)
   or (u.parent_unit_id = (select value from setting where key = 'organisation_unit_id')
       and u.kind in (select kind from kinds where unit_group = 'namnd'))
