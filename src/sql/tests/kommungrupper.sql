-- Data tests of SKR's kommungruppsindelning by edition (issue 18): each ÖJ year is compared with the
-- kommungrupper of the one edition in force that year, and a regrouping never passes for a change of position.

-- check: every ÖJ year with answers has exactly one edition of the kommungruppsindelning in force
select y.year, count(e.edition) as n_editions
from (select distinct year from stg_oj_item) y
left join kommungrupp_edition e on y.year between e.first_year and coalesce(e.last_year, y.year)
group by y.year
having count(e.edition) <> 1;

-- check: a kommungrupp is compared through the edition in force for the row's year, and only a kommungrupp names one
select c.year, c.unit_id, c.kommungrupp_edition from oj_comparison c
join org_unit u using (unit_id)
left join kommungrupp_edition e on e.edition = c.kommungrupp_edition
where (u.kind = 'kommungrupp') <> (c.kommungrupp_edition is not null)
   or (e.edition is not null and not c.year between e.first_year and coalesce(e.last_year, c.year))
union all
select p.year, p.comparator_id, p.kommungrupp_edition from dash_comparison_position p
left join kommungrupp_edition e on e.edition = p.kommungrupp_edition
where (p.comparator_kind = 'kommungrupp') <> (p.kommungrupp_edition is not null)
   or (e.edition is not null and not p.year between e.first_year and coalesce(e.last_year, p.year));

-- check: dash_comparison_position carries no position across a regrouping, and compared units are known
select * from dash_comparison_position
where (regrouped and (previous_position is not null or changed))
   or comparator_unit not in ('kommuner', 'kommun');
