-- Data tests for the views, dbt-style: each check is a query that returns the offending rows, and
-- passes when it returns none. Its name (after "check:") is what `beredskap check` prints when it
-- fails, so it is Swedish. Grain (uniqueness) is checked from each view's "Grain:" header line, so
-- it is not repeated here. Run by src/sql/viewChecks.ts (tests, and `beredskap check`).

-- check: readiness: antalen summerar till n_items
select * from readiness
where n_met + n_partial + n_not_met + n_in_progress + n_unanswered + n_not_applicable <> n_items
   or n_applicable <> n_items - n_not_applicable;

-- check: readiness: andelarna ligger i [0, 1] och saknas precis när inget är tillämpligt
select * from readiness
where not (share_met between 0 and 1) or not (share_answered between 0 and 1)
   or ((share_met is null) <> (n_applicable = 0)) or ((share_answered is null) <> (n_applicable = 0));

-- check: readiness: underlag och fokusområde är kända värden
select * from readiness
where basis not in ('oj', 'self', 'combined') or fokusomrade not in (select fokusomrade from fokusomrade);

-- check: readiness: ÖJ-svar når aldrig säkerhetsskydd eller personsäkerhet
select * from readiness
where basis = 'oj' and fokusomrade in ('sakerhetsskydd', 'personsakerhet') and n_items > 0;

-- check: readiness: sammanvägt är ÖJ plus självskattning, varje ÖJ-cell inom ett krav räknad en gång
select c.* from readiness c
left join readiness o on o.year = c.year and o.unit_id = c.unit_id and o.fokusomrade = c.fokusomrade and o.basis = 'oj'
left join readiness s on s.year = c.year and s.unit_id = c.unit_id and s.fokusomrade = c.fokusomrade and s.basis = 'self'
where (c.basis = 'combined' and c.n_items <> coalesce(o.n_items, 0) + coalesce(s.n_items, 0) - c.n_oj_merged)
   or (c.basis <> 'combined' and c.n_oj_merged <> 0);

-- check: readiness: ingen enhet har värden ett år den inte fanns (ÖJ:s mätdatum)
select r.* from readiness r join org_unit u using (unit_id)
where r.basis = 'oj' and not valid_on(u.valid_from, u.valid_to, oj_measure_date(r.year));

-- check: readiness_city: andelarna ligger i [0, 1] och antalen summerar
select * from readiness_city
where not (share_met between 0 and 1) or not (share_at_target between 0 and 1)
   or n_met + n_partial + n_not_met + n_in_progress + n_unanswered + n_not_applicable <> n_items;

-- check: goal_attainment: måluppfyllelsen är ett känt värde och saknas precis när andel, mål eller program saknas
select * from goal_attainment
where attainment not in ('helt', 'delvis', 'ej')
   or ((attainment is null) <> (share_met is null or target_share is null or programme_version is null))
   or ((attainment is null) <> (not_graded_reason is not null));

-- check: goal_attainment: måluppfyllelsen följer gränserna
select * from goal_attainment
where (attainment = 'helt' and round(share_met, 9) < round(target_share, 9))
   or (attainment = 'ej' and round(share_met, 9) >= round(target_share - delvis_within_pp / 100, 9));

-- check: goal_attainment_city: antalen summerar
select * from goal_attainment_city
where n_helt + n_delvis + n_ej + n_inga_uppgifter <> n_units;

-- check: requirement_applicability: ett krav gäller en enhet bara de år kravet gäller
select a.* from requirement_applicability a join requirement r using (requirement_id)
where a.year not between r.since_year and coalesce(r.until_year, 9999);

-- check: oj_cell_owner: varje ÖJ-cell hos en följd enhet har en ägare
select * from oj_cell_owner where owner_unit_id is null;

-- check: oj_gap: statusarna är kända och since_year stämmer
select * from oj_gap
where gap_status not in ('ny', 'kvarstaende', 'atgardad')
   or since_year > year or (gap_status = 'ny' and since_year <> year)
   or (gap_status = 'atgardad' and answer <> 'ja') or (gap_status <> 'atgardad' and answer not in ('nej', 'delvis', 'pagar', 'ej_svar'));

-- check: oj_gap: en cell i en ny serie är aldrig kvarstående eller åtgärdad
select * from oj_gap where break_before and gap_status <> 'ny';

-- check: self_gap: statusarna är brister, eller uppfyllt för åtgärdad
select * from self_gap
where gap_status not in ('ny', 'kvarstaende', 'atgardad')
   or (gap_status = 'atgardad' and status <> 'uppfyllt')
   or (gap_status <> 'atgardad' and status not in ('delvis', 'ej_uppfyllt', 'ej_svar'));

-- check: oj_trend: andelarna ligger i [0, 1] och saknas precis när inget är tillämpligt
select * from oj_trend
where not (share_ja between 0 and 1) or ((share_ja is null) <> (n_applicable = 0)) or n_ja > n_applicable;

-- check: oj_trend: föregångare visas bara för år innan enheten fanns
select t.* from oj_trend t join org_unit u using (unit_id)
where t.via_unit_id is not null and valid_on(u.valid_from, u.valid_to, oj_measure_date(t.year));

-- check: oj_comparison: andelarna ligger i [0, 1]
select * from oj_comparison
where not (share_ja between 0 and 1) or not (share_ja_published between 0 and 1)
   or role not in ('stadsdelsnamnder', 'kommun', 'jamforelse');

-- check: consistency: fynden är kända värden
select * from consistency where finding not in ('sjalv_uppfyllt_oj_nej', 'sjalv_ej_uppfyllt_oj_ja', 'bedomning_hogre', 'bedomning_lagre')
   or ((requirement_id is null) = (goal is null));

-- check: judgement_comparison: jämför precis när det finns en beräknad måluppfyllelse
select * from judgement_comparison where (difference is null) <> (beraknad_maluppfyllelse is null);

-- check: judgement_city: antalen summerar
select * from judgement_city where n_helt + n_delvis + n_ej + n_utan_bedomning <> n_units;

-- check: fidelity: ok saknas precis när inget publicerades
select * from fidelity where (ok is null) <> (share_published is null);

-- check: fidelity: varje gällande fil återger sina publicerade andelar där den har aggregatets kommuner
select f.* from fidelity f join source_file s using (source_file_id)
where s.superseded_by is null and f.is_checkable and not f.ok;

-- check: readiness_change: visar en förändring precis när åren är jämförbara
select * from readiness_change where (change is null) <> (not comparable) or (comparable and not_comparable_reason is not null);

-- check: unanswered_share: antalen summerar och andelarna är av alla frågor som ställdes
select * from unanswered_share
where n_ja + n_nej + n_delvis + n_pagar + n_ej_aktuellt + n_unanswered <> n_cells
   or abs(share_ja - n_ja / n_cells) > 1e-9 or abs(share_nej - n_nej / n_cells) > 1e-9;

-- check: dash_oj_city_share: antalen summerar och ett nytt segment börjar precis vid ett seriebrott
select c.* from dash_oj_city_share c
left join dash_oj_city_share p on p.year = c.year - 1
where c.n_ja + c.n_nej + c.n_unanswered + c.n_other <> c.n_cells
   or (p.year is not null and (c.segment <> p.segment) <> c.opens_series);

-- check: dash_oj_question_rank: varje svarande nämnd räknas en gång, och inget jämförs över ett seriebrott
select r.* from dash_oj_question_rank r
join stg_indicator i using (indicator_id)
where r.n_ja + r.n_nej + r.n_unanswered + r.n_other + r.n_no_row <> r.n_units
   or r.n_weak <> r.n_nej + r.n_unanswered + r.n_no_row
   or (i.break_year = r.year and r.n_weak_previous is not null);

-- check: unit_period_count: öppna brister är nya eller kvarstående, försenade är öppna, öppna är tillämpliga krav
select * from unit_period_count
where n_open <> n_new + n_remaining or n_overdue > n_open or n_open > n_requirements;

-- check: unit_year_count: varje enhets senaste rapport och ÖJ-antal hänger ihop
select * from unit_year_count
where n_overdue > n_open or n_oj_open_questions > n_oj_open or n_oj_open > n_oj_responsible
   or (self_period is null) <> (n_open is null) or (n_oj_responsible = 0) <> (n_oj_open is null);

-- check: unit_period_count: ett publikt antal för en enhet räknar aldrig krav i ett fokusområde som bara publiceras sammanvägt
select c.* from unit_period_count c
where c.profile = 'public' and c.n_open <> (
    select count(*) from self_gap g
    where g.unit_id = c.unit_id and g.year = c.year and g.period = c.period and g.gap_status <> 'atgardad'
      and coalesce(g.fokusomrade, '') not in (select value from setting_list where key = 'public_aggregate_only'));

-- check: readiness_item: ett sammantaget krav räknas som sin senast daterade uppgift och flaggas när källorna säger olika
select * from readiness_item
where basis = 'combined' and item_kind = 'requirement'
  and (outcome <> case evidence when 'self' then self_outcome when 'oj' then oj_outcome else 'unanswered' end
       or sources_disagree <> coalesce(self_outcome in ('met', 'partial', 'not_met', 'in_progress') and oj_outcome in ('met', 'partial', 'not_met', 'in_progress')
                                       and (self_outcome = 'met') <> (oj_outcome = 'met'), false));

-- check: consistency: varje krav där källorna säger olika är en motsägelse
select i.* from readiness_item i
where i.sources_disagree and not exists (
    select 1 from consistency c where c.year = i.year and c.unit_id = i.unit_id and c.requirement_id = i.item_id and c.finding is not null);

-- check: dash_namnd_goal: en publik nämndsida har inget säkerhetsskyddsmål och ingen sammanvägd beräknad siffra för samtliga
select * from dash_namnd_goal
where profile = 'public'
  and (goal in (select value from setting_list where key = 'public_aggregate_only')
       or motivering is not null
       or (goal = 'samtliga' and (beraknad_andel_uppfyllt is not null or n_applicable is not null or beraknad_maluppfyllelse is not null)));

-- check: dash_namnd_oj_gap: varje öppen ÖJ-brist står på sidan för varje nämnd som ansvarar för den, en gång
select g.* from oj_gap g
where g.gap_status <> 'atgardad' and g.owner_unit_id in (select unit_id from stg_org_namnd)
  and (select count(*) from dash_namnd_oj_gap d
       where d.unit_id = g.owner_unit_id and d.year = g.year and d.answering_unit_id = g.unit_id
         and d.indicator_id = g.indicator_id and d.role in ('egen', 'ansvarar')) <> 1;

-- check: stg_unit_ancestor: ingen enhet är sin egen föregångare (org_lineage går inte i cirkel)
select l.* from org_lineage l
join stg_unit_ancestor a on a.unit_id = l.predecessor_id and a.ancestor_id = l.successor_id;

-- check: org_unit: ingen enhet slutar före sin start (valid_to före valid_from)
select * from org_unit where valid_to < valid_from;

-- check: stg_due_occurrence: varje tidsfrist ligger i sin period (periodens början ≤ tidsfristen ≤ periodens slut)
select * from stg_due_occurrence where not (window_start <= due_date and due_date <= period_end);

-- check: due_calendar: ett beslut anges precis när tidsfristen är uppfylld i tid eller sent, och en tidsfrist är passerad bara före kalenderns dag
select * from due_calendar
where (decision_date is not null) <> (due_status in ('i_tid', 'sent'))
   or (due_status = 'passerad' and due_date >= reference_date)
   or (due_status = 'i_tid' and not decision_date between window_start and due_date)
   or (due_status = 'sent' and not (decision_date > due_date and decision_date <= period_end))
   or decision_date > reference_date;

-- check: dash_due_city: i tid, sent, passerad och kommande summerar till antalet enheter
select * from dash_due_city where n_i_tid + n_sent + n_passerad + n_kommande <> n_units;

-- check: unit_year_count: åtgärder och tidsfrister räknas inom sina brister och sin kalender
select * from unit_year_count
where n_oj_with_action + n_oj_without_action <> n_oj_open or n_oj_action_done > n_oj_with_action
   or n_due_passed + n_due_coming > n_due;
