-- report_readiness_unit: `beredskap report readiness`'s one line per unit: per year × nämnd or bolag of the
-- organisation with readiness data that year, the combined share of each fokusområde with its n, in the
-- fokusområden's order (fokus: a list of {title, share_met, n_applicable, few_items}, one per fokusområde;
-- share NULL without data). The internal figures (the command line is the city's own).
-- sort_order: nämnder before bolag, each by name in Swedish order (å, ä, ö last).
-- Grain: (year, unit_id).
create or replace view report_readiness_unit as
select r.year, r.unit_id, u.name, n.unit_group,
    list({'title': r.fokusomrade_title, 'share_met': r.share_met, 'n_applicable': r.n_applicable, 'few_items': r.few_items} order by r.fokus_order) as fokus,
    row_number() over (partition by r.year order by n.unit_group = 'bolag', u.name collate sv)::integer as sort_order,
from dash_namnd_readiness r
join stg_org_namnd n using (unit_id)
join org_unit u using (unit_id)
group by r.year, r.unit_id, u.name, n.unit_group
