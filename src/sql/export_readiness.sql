-- export_readiness: the export's sheet Beredskap – readiness with the unit's name, the fokusområde's
-- title and the programme version's title; sheet_order: by year, unit, fokusområde, then ÖJ, self,
-- combined. in_scope: the organisation or one of its nämnder and bolag (stg_org_scope).
-- Grain: (year, unit_id, fokusomrade, basis).
create or replace view export_readiness as
select r.year, r.unit_id, u.name as unit_name, coalesce(f.title_sv, r.fokusomrade) as fokusomrade, r.basis,
    r.n_items, r.n_met, r.n_partial, r.n_not_met, r.n_in_progress, r.n_unanswered, r.n_not_applicable, r.n_applicable,
    r.share_met, r.share_answered, r.few_items, r.n_disagree, pv.title_sv as programme_title,
    r.unit_id in (select unit_id from stg_org_scope) as in_scope,
    row_number() over (order by r.year, r.unit_id, f.sort_order, list_position(['oj', 'self', 'combined'], r.basis)) as sheet_order
from readiness r
join org_unit u using (unit_id)
left join programme_version pv using (programme_version)
left join fokusomrade f using (fokusomrade)
