// ÖJ-svar: the organisation's stadsdelsnämnder only. Per year the indicator cells asked (catalog order)
// and each nämnd's answers and gap status in that order (stg_oj_item, oj_gap); answer counts per nämnd
// and year (unanswered_share, stg_oj_item); mergers (oj_trend's via_unit_id names a predecessor).
import { runJsonLoader } from '../../src/dashboard/loaderQuery.ts';

const sdn = `select unit_id from stg_org_namnd where answers_oj`;

await runJsonLoader(async (query) => ({
  areas: await query('select area, title_sv from oj_area order by sort_order'),
  // short title: the shortest spelling the parsers accept (vocab), the key itself left out
  verksamheter: await query(
    `select o.verksamhet, o.title_sv,
            coalesce((select v.text from vocab v where v.kind = 'oj_verksamhet' and v.value = o.verksamhet and v.text <> v.value
                      order by length(v.text), v.text limit 1), o.title_sv) as short_sv
     from oj_verksamhet o order by o.sort_order`,
  ),
  indicators: await query(
    `select i.indicator_id, i.area, i.verksamhet, i.series, i.first_year, i.last_year
     from indicator i join oj_area a using (area) join oj_verksamhet v using (verksamhet)
     order by a.sort_order, v.sort_order, i.first_year`,
  ),
  units: await query(
    `select n.unit_id, n.name, n.valid_from::varchar as valid_from, n.valid_to::varchar as valid_to,
            (select string_agg(distinct t.unit_id, '|') from oj_trend t where t.via_unit_id = n.unit_id) as successor_ids
     from stg_org_namnd n where n.answers_oj order by n.name`,
  ),
  // per year: the cells any stadsdelsnämnd was asked, in catalog order (the matrix columns), and those
  // that open a new series that year (oj_gap's break_before: nothing to compare with last year)
  years: await query(
    `with cells as (
         select distinct o.year, o.indicator_id, a.sort_order as a_sort, v.sort_order as v_sort
         from stg_oj_item o join oj_area a using (area) join oj_verksamhet v using (verksamhet)
         where o.unit_id in (${sdn}))
     select c.year, list(c.indicator_id order by c.a_sort, c.v_sort) as cells,
            coalesce(list(c.indicator_id order by c.a_sort, c.v_sort) filter (where i.first_year = c.year and exists (
                select 1 from indicator p where p.area = i.area and p.verksamhet = i.verksamhet and p.last_year = c.year - 1)), []) as new_series
     from cells c join indicator i using (indicator_id)
     group by c.year order by c.year`,
  ),
  // per year × stadsdelsnämnd, lists aligned with that year's cells: answers (stg_oj_item; null = no
  // answer stored), and for gap cells (oj_gap) gap_status, since_year and last year's answers
  // (previous_answers, the unit's own name left out: "nej"; a merged unit's predecessors: "a:nej, b:ja")
  matrix: await query(
    `with cells as (
         select distinct o.year, o.indicator_id, a.sort_order as a_sort, v.sort_order as v_sort
         from stg_oj_item o join oj_area a using (area) join oj_verksamhet v using (verksamhet)
         where o.unit_id in (${sdn})),
     units as (select distinct year, unit_id from stg_oj_item where unit_id in (${sdn}))
     select u.year, u.unit_id,
            list(o.answer order by c.a_sort, c.v_sort) as answers,
            list(g.gap_status order by c.a_sort, c.v_sort) as gap,
            list(g.since_year order by c.a_sort, c.v_sort) as since,
            list(case when g.previous_answers like u.unit_id || ':%' and g.previous_answers not like '%,%'
                      then substr(g.previous_answers, length(u.unit_id) + 2) else g.previous_answers end
                 order by c.a_sort, c.v_sort) as previous
     from units u join cells c using (year)
     left join stg_oj_item o on o.year = u.year and o.unit_id = u.unit_id and o.indicator_id = c.indicator_id
     left join oj_gap g on g.year = u.year and g.unit_id = u.unit_id and g.indicator_id = c.indicator_id
     group by u.year, u.unit_id order by u.year, u.unit_id`,
  ),
  // how each stadsdelsnämnd answered, per year: counts and shares of all questions (unanswered_share)
  shares: await query(
    `select s.year, s.unit_id, s.n_cells, s.n_ja, s.n_nej, s.n_delvis, s.n_pagar, s.n_ej_aktuellt, s.n_unanswered,
            s.share_ja, s.share_nej, s.share_unanswered
     from unanswered_share s
     where s.unit_id in (${sdn})
     order by s.unit_id, s.year`,
  ),
  // years in which some question starts a new series (the catalog's series breaks), for the chart's rule
  breakYears: (await query(
    `select distinct d.first_year as year from indicator d
     where exists (select 1 from indicator e where e.area = d.area and e.verksamhet = d.verksamhet and e.last_year = d.first_year - 1)
     order by 1`,
  )).map((r) => r.year),
}));
