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
