-- Data tests for the views, dbt-style: each check is a query that returns the offending rows, and
-- passes when it returns none. Grain (uniqueness) is checked from each view's "Grain:" header line, so
-- it is not repeated here. Run by src/sql/viewChecks.ts (tests, and `beredskap check`).

-- check: readiness counts add up to n_items
select * from readiness
where n_met + n_partial + n_not_met + n_in_progress + n_unanswered + n_not_applicable <> n_items
   or n_applicable <> n_items - n_not_applicable;

-- check: readiness shares lie in [0, 1] and are NULL exactly when nothing is applicable
select * from readiness
where not (share_met between 0 and 1) or not (share_answered between 0 and 1)
   or ((share_met is null) <> (n_applicable = 0)) or ((share_answered is null) <> (n_applicable = 0));

-- check: readiness basis and fokusområde are known values
select * from readiness
where basis not in ('oj', 'self', 'combined') or fokusomrade not in (select fokusomrade from fokusomrade);

-- check: ÖJ answers never reach säkerhetsskydd or personsäkerhet
select * from readiness
where basis = 'oj' and fokusomrade in ('sakerhetsskydd', 'personsakerhet') and n_items > 0;

-- check: combined readiness is oj plus self, with each ÖJ cell inside a requirement counted once
select c.* from readiness c
left join readiness o on o.year = c.year and o.unit_id = c.unit_id and o.fokusomrade = c.fokusomrade and o.basis = 'oj'
left join readiness s on s.year = c.year and s.unit_id = c.unit_id and s.fokusomrade = c.fokusomrade and s.basis = 'self'
where (c.basis = 'combined' and c.n_items <> coalesce(o.n_items, 0) + coalesce(s.n_items, 0) - c.n_oj_merged)
   or (c.basis <> 'combined' and c.n_oj_merged <> 0);

-- check: no unit has readiness in a year it did not exist (measure date for ÖJ)
select r.* from readiness r join org_unit u using (unit_id)
where r.basis = 'oj' and not valid_on(u.valid_from, u.valid_to, oj_measure_date(r.year));

-- check: readiness_city shares lie in [0, 1] and counts add up
select * from readiness_city
where not (share_met between 0 and 1) or not (share_at_target between 0 and 1)
   or n_met + n_partial + n_not_met + n_in_progress + n_unanswered + n_not_applicable <> n_items;

-- check: goal attainment is a known value, NULL exactly when there is no share, no target or no programme
select * from goal_attainment
where attainment not in ('helt', 'delvis', 'ej')
   or ((attainment is null) <> (share_met is null or target_share is null or programme_version is null))
   or ((attainment is null) <> (not_graded_reason is not null));

-- check: goal attainment follows the thresholds
select * from goal_attainment
where (attainment = 'helt' and round(share_met, 9) < round(target_share, 9))
   or (attainment = 'ej' and round(share_met, 9) >= round(target_share - delvis_within_pp / 100, 9));

-- check: goal_attainment_city counts add up
select * from goal_attainment_city
where n_helt + n_delvis + n_ej + n_inga_uppgifter <> n_units;

-- check: a requirement applies to a unit only in the years it is in force
select a.* from requirement_applicability a join requirement r using (requirement_id)
where a.year not between r.since_year and coalesce(r.until_year, 9999);

-- check: every ÖJ cell of a followed unit has an owner
select * from oj_cell_owner where owner_unit_id is null;

-- check: oj_gap statuses are known and since_year is consistent
select * from oj_gap
where gap_status not in ('ny', 'kvarstaende', 'atgardad')
   or since_year > year or (gap_status = 'ny' and since_year <> year)
   or (gap_status = 'atgardad' and answer <> 'ja') or (gap_status <> 'atgardad' and answer not in ('nej', 'delvis', 'pagar', 'ej_svar'));

-- check: a cell in a new series is never kvarstaende or atgardad
select * from oj_gap where break_before and gap_status <> 'ny';

-- check: self_gap statuses are gaps, or uppfyllt for atgardad
select * from self_gap
where gap_status not in ('ny', 'kvarstaende', 'atgardad')
   or (gap_status = 'atgardad' and status <> 'uppfyllt')
   or (gap_status <> 'atgardad' and status not in ('delvis', 'ej_uppfyllt', 'ej_svar'));

-- check: oj_trend shares lie in [0, 1], NULL exactly when nothing is applicable
select * from oj_trend
where not (share_ja between 0 and 1) or ((share_ja is null) <> (n_applicable = 0)) or n_ja > n_applicable;

-- check: oj_trend predecessors appear only for years before the unit existed
select t.* from oj_trend t join org_unit u using (unit_id)
where t.via_unit_id is not null and valid_on(u.valid_from, u.valid_to, oj_measure_date(t.year));

-- check: oj_comparison shares lie in [0, 1]
select * from oj_comparison
where not (share_ja between 0 and 1) or not (share_ja_published between 0 and 1)
   or role not in ('stadsdelsnamnder', 'kommun', 'jamforelse');

-- check: consistency findings are known values
select * from consistency where finding not in ('sjalv_uppfyllt_oj_nej', 'sjalv_ej_uppfyllt_oj_ja', 'bedomning_hogre', 'bedomning_lagre')
   or ((requirement_id is null) = (goal is null));

-- check: judgement_comparison compares exactly when there is a computed grade
select * from judgement_comparison where (difference is null) <> (beraknad_maluppfyllelse is null);

-- check: judgement_city counts add up
select * from judgement_city where n_helt + n_delvis + n_ej + n_utan_bedomning <> n_units;

-- check: fidelity ok is NULL exactly when nothing was published
select * from fidelity where (ok is null) <> (share_published is null);

-- check: fidelity: every file in force reproduces its published shares wherever it holds the aggregate's kommuner
select f.* from fidelity f join source_file s using (source_file_id)
where s.superseded_by is null and f.is_checkable and not f.ok;

-- check: readiness_change shows a change exactly when the years are comparable
select * from readiness_change where (change is null) <> (not comparable) or (comparable and not_comparable_reason is not null);

-- check: unanswered_share counts add up and its shares are of all questions asked
select * from unanswered_share
where n_ja + n_nej + n_delvis + n_pagar + n_ej_aktuellt + n_unanswered <> n_cells
   or abs(share_ja - n_ja / n_cells) > 1e-9 or abs(share_nej - n_nej / n_cells) > 1e-9;

-- check: dash_oj_city_share counts add up, and a new segment starts exactly at a series break
select c.* from dash_oj_city_share c
left join dash_oj_city_share p on p.year = c.year - 1
where c.n_ja + c.n_nej + c.n_unanswered + c.n_other <> c.n_cells
   or (p.year is not null and (c.segment <> p.segment) <> c.opens_series);

-- check: dash_oj_question_rank counts every answering nämnd once, and never compares across a break
select r.* from dash_oj_question_rank r
join stg_indicator i using (indicator_id)
where r.n_ja + r.n_nej + r.n_unanswered + r.n_other + r.n_no_row <> r.n_units
   or r.n_weak <> r.n_nej + r.n_unanswered + r.n_no_row
   or (i.break_year = r.year and r.n_weak_previous is not null);

-- check: unit_period_count: open gaps are new or remaining, försenade are open, open are requirements
select * from unit_period_count
where n_open <> n_new + n_remaining or n_overdue > n_open or n_open > n_requirements;

-- check: unit_year_count: every unit's latest report and ÖJ counts hang together
select * from unit_year_count
where n_overdue > n_open or n_oj_open_questions > n_oj_open or n_oj_open > n_oj_responsible
   or (self_period is null) <> (n_open is null) or (n_oj_responsible = 0) <> (n_oj_open is null);

-- check: a public count of a unit never counts a requirement of a fokusområde published only as an aggregate
select c.* from unit_period_count c
where c.profile = 'public' and c.n_open <> (
    select count(*) from self_gap g
    where g.unit_id = c.unit_id and g.year = c.year and g.period = c.period and g.gap_status <> 'atgardad'
      and coalesce(g.fokusomrade, '') not in (select value from setting_list where key = 'public_aggregate_only'));

-- check: a combined requirement item counts as its latest dated evidence, and is flagged when its sources disagree
select * from readiness_item
where basis = 'combined' and item_kind = 'requirement'
  and (outcome <> case evidence when 'self' then self_outcome when 'oj' then oj_outcome else 'unanswered' end
       or sources_disagree <> coalesce(self_outcome in ('met', 'partial', 'not_met', 'in_progress') and oj_outcome in ('met', 'partial', 'not_met', 'in_progress')
                                       and (self_outcome = 'met') <> (oj_outcome = 'met'), false));

-- check: every disagreeing combined item is a consistency finding
select i.* from readiness_item i
where i.sources_disagree and not exists (
    select 1 from consistency c where c.year = i.year and c.unit_id = i.unit_id and c.requirement_id = i.item_id and c.finding is not null);

-- check: a public nämnd page carries no säkerhetsskydd goal and no pooled computed figure for samtliga
select * from dash_namnd_goal
where profile = 'public'
  and (goal in (select value from setting_list where key = 'public_aggregate_only')
       or motivering is not null
       or (goal = 'samtliga' and (beraknad_andel_uppfyllt is not null or n_applicable is not null or beraknad_maluppfyllelse is not null)));

-- check: every open ÖJ gap is on the page of each nämnd responsible for it, once
select g.* from oj_gap g
where g.gap_status <> 'atgardad' and g.owner_unit_id in (select unit_id from stg_org_namnd)
  and (select count(*) from dash_namnd_oj_gap d
       where d.unit_id = g.owner_unit_id and d.year = g.year and d.answering_unit_id = g.unit_id
         and d.indicator_id = g.indicator_id and d.role in ('egen', 'ansvarar')) <> 1;
