-- annual_sentence_input: the figures the annual follow-up's drafted sentences state, one row per build
-- profile × year × topic × subject; data/annual_sentences.csv holds the sentences (templates with named
-- placeholders, one per column below), src/annual/draftSentences.js fills them. A sentence is written
-- only when every figure it names is here (not NULL). Grain: (profile, year, topic, subject_id).
-- section: the document's section (sammanfattning, oj, rapportering, krav, enheter); topic: what the
-- row states; subject_id / subject: what it is about (a goal, an ÖJ area, a requirement, a unit group,
-- a unit), subject in the words a sentence uses; sort_order: the order within the section.
-- source_view / source_key: the view and row the figures are read from (source_key a JSON object of
-- the row's key columns), source_row: that row in words. Figures, by topic:
--   bedomning_namnd, bedomning_bolag (judgement_city, per goal): n units judged helt of m in force on
--     31 December, n_delvis, n_ej, n_none without a judgement; previous_year, previous_n, previous_m:
--     the year before where it has judgements (dash_leadership_attainment); change_n = n − previous_n,
--     change_n_abs its size, only when m = previous_m (else the organisation changed: not compared).
--   andel_namnd, andel_bolag (readiness_city, basis combined, per fokusområde the profile publishes):
--     share (beräknad andel uppfyllt), n_items (its applicable items), n (units with data).
--   oj_omrade (annual_oj_area, per area): share and n_items (answers) of the stadsdelsnämnder
--     sammantaget; share_riket, share_lan, share_kommungrupp with lan, kommungrupp (names); previous_share
--     and change_pp / change_pp_abs (percentage points) only within the same ÖJ series, not_comparable
--     the reason otherwise (label of not_comparable ny_oj_serie).
--   ej_rapporterat_namnd / _bolag, utan_bedomning_namnd / _bolag (unit_year_count, per unit group):
--     n units without a self-assessment (without nämndens bedömning) for the year, of m counted.
--   krav_namnd, krav_bolag (dash_leadership_requirement, the three highest rank_unmet with n_unmet > 0):
--     n units where the requirement is not uppfyllt, of m it applies to.
--   enheter_att_ta_upp (annual_unit, per profile and year): n units with one of the facts below, of m.
--   enhet_forsenade (n försenade of n_items open), enhet_ingen_rapport, enhet_ingen_bedomning,
--   enhet_bedomning_avviker (judgement, computed: the words of nämndens bedömning and beräknad
--   måluppfyllelse), enhet_oj_brister (n open ÖJ gaps) (annual_unit, per unit; a row only where it
--   applies; no report or no judgement only in a year when some unit gave one).
create or replace view annual_sentence_input as
with profiles as (
    select distinct profile from stg_profile_fokus
),
group_word as (
    select code as unit_group, lower(label) as word from dash_label where domain = 'unit_group'
),
judgement_rows as (
    select a.profile, a.year, 'sammanfattning' as section, 'bedomning_' || a.unit_group as topic,
        a.goal as subject_id, lower(a.goal_title) as subject, a.goal_order as sort_order,
        a.n_helt as n, a.n_units as m, a.n_delvis, a.n_ej, a.n_none,
        a.previous_year, a.previous_n_helt as previous_n, a.previous_n_units as previous_m,
        case when a.previous_n_units = a.n_units then a.change_n_helt end as change_n,
        case when a.previous_n_units = a.n_units then abs(a.change_n_helt) end as change_n_abs,
        'judgement_city' as source_view,
        json_object('year', a.year, 'goal', a.goal, 'unit_group', a.unit_group)::varchar as source_key,
        concat_ws(' · ', a.year, a.goal_title, w.word) as source_row,
    from dash_leadership_attainment a
    join group_word w using (unit_group)
    where a.measure = 'bedomning' and a.has_data
),
share_rows as (
    select p.profile, r.year, 'sammanfattning' as section, 'andel_' || r.unit_group as topic,
        r.fokusomrade as subject_id, lower(f.title_sv) as subject, f.sort_order,
        r.share_met as share, r.n_applicable as n_items, r.n_namnder_with_data as n,
        'readiness_city' as source_view,
        json_object('year', r.year, 'fokusomrade', r.fokusomrade, 'basis', r.basis, 'unit_group', r.unit_group)::varchar as source_key,
        concat_ws(' · ', r.year, f.title_sv, w.word) as source_row,
    from readiness_city r
    join fokusomrade f using (fokusomrade)
    join group_word w using (unit_group)
    cross join profiles p
    where r.basis = 'combined' and r.n_applicable > 0 and (p.profile = 'internal' or r.publish_in_public)
),
oj_wide as (
    select year, area, series, any_value(area_title) as area_title, any_value(area_order) as area_order,
        any_value(opens_series and series_first_year = year) as opens_series,
        any_value(share_ja) filter (where comparator_kind = 'stadsdelsnamnder') as share,
        any_value(n_responding) filter (where comparator_kind = 'stadsdelsnamnder') as n_items,
        any_value(previous_share_ja) filter (where comparator_kind = 'stadsdelsnamnder') as previous_share,
        any_value(share_ja) filter (where comparator_kind = 'riket') as share_riket,
        any_value(share_ja) filter (where comparator_kind = 'lan') as share_lan,
        any_value(comparator_name) filter (where comparator_kind = 'lan') as lan,
        any_value(share_ja) filter (where comparator_kind = 'kommungrupp') as share_kommungrupp,
        any_value(comparator_name) filter (where comparator_kind = 'kommungrupp') as kommungrupp,
    from annual_oj_area
    group by all
),
oj_rows as (
    select p.profile, o.year, 'oj' as section, 'oj_omrade' as topic, o.area as subject_id, lower(o.area_title) as subject, o.area_order as sort_order,
        o.share, o.n_items, o.share_riket, o.share_lan, o.lan, o.share_kommungrupp, o.kommungrupp,
        case when o.previous_share is not null then o.year - 1 end as previous_year,
        o.previous_share,
        round((o.share - o.previous_share) * 100, 1) as change_pp,
        abs(round((o.share - o.previous_share) * 100, 1)) as change_pp_abs,
        case when o.opens_series then (select label from dash_label where domain = 'not_comparable' and code = 'ny_oj_serie') end as not_comparable,
        'annual_oj_area' as source_view,
        json_object('year', o.year, 'area', o.area, 'series', o.series, 'comparator_id', 'stadsdelsnamnder')::varchar as source_key,
        concat_ws(' · ', o.year, o.area_title) as source_row,
    from oj_wide o
    cross join profiles p
    where o.share is not null
),
reporting as (
    select u.profile, u.year, u.unit_group,
        count(*) filter (where u.self_period is null)::integer as n_unreported,
        count(*) filter (where not u.has_judgement)::integer as n_unjudged,
        count(*)::integer as m,
    from unit_year_count u
    where u.is_counted
    group by all
),
reporting_rows as (
    select r.profile, r.year, 'rapportering' as section, t.topic || r.unit_group as topic, r.unit_group as subject_id, w.word as subject,
        t.sort_order, case t.topic when 'ej_rapporterat_' then r.n_unreported else r.n_unjudged end as n, r.m,
        'unit_year_count' as source_view,
        json_object('profile', r.profile, 'year', r.year, 'unit_group', r.unit_group, 'is_counted', true)::varchar as source_key,
        concat_ws(' · ', r.year, w.word) as source_row,
    from reporting r
    join group_word w using (unit_group)
    cross join (values ('ej_rapporterat_', 1), ('utan_bedomning_', 2)) t(topic, sort_order)
),
requirement_rows as (
    select q.profile, q.year, 'krav' as section, 'krav_' || q.unit_group as topic, q.requirement_id as subject_id, q.text_sv as subject,
        q.rank_unmet as sort_order, q.n_unmet as n, q.n_units as m,
        'dash_leadership_requirement' as source_view,
        json_object('profile', q.profile, 'year', q.year, 'requirement_id', q.requirement_id, 'unit_group', q.unit_group)::varchar as source_key,
        concat_ws(' · ', q.year, q.requirement_id, w.word) as source_row,
    from dash_leadership_requirement q
    join group_word w using (unit_group)
    where q.rank_unmet <= 3 and q.n_unmet > 0
),
attainment_word as (
    select code, lower(label) as word from dash_label where domain = 'attainment'
),
unit_facts as (
    select u.*, t.topic, t.sort_order as topic_order
    from annual_unit u
    cross join (values ('enhet_ingen_rapport', 1), ('enhet_forsenade', 2), ('enhet_oj_brister', 3), ('enhet_ingen_bedomning', 4), ('enhet_bedomning_avviker', 5)) t(topic, sort_order)
    -- a unit without a report (or judgement) is news only in a year when others gave one
    where case t.topic
        when 'enhet_ingen_rapport' then u.self_period is null
            and exists (select 1 from annual_unit o where o.profile = u.profile and o.year = u.year and o.self_period is not null)
        when 'enhet_forsenade' then u.n_overdue > 0
        when 'enhet_oj_brister' then u.n_oj_open > 0
        when 'enhet_ingen_bedomning' then not u.has_judgement
            and exists (select 1 from annual_unit o where o.profile = u.profile and o.year = u.year and o.has_judgement)
        else u.judgement_differs end
),
unit_rows as (
    select u.profile, u.year, 'enheter' as section, u.topic, u.unit_id as subject_id, u.name as subject,
        u.sort_order * 10 + u.topic_order as sort_order,
        case u.topic when 'enhet_forsenade' then u.n_overdue when 'enhet_oj_brister' then u.n_oj_open end as n,
        case u.topic when 'enhet_forsenade' then u.n_open end as n_items,
        case when u.topic = 'enhet_bedomning_avviker' then j.word end as judgement,
        case when u.topic = 'enhet_bedomning_avviker' then c.word end as computed,
        'annual_unit' as source_view,
        json_object('profile', u.profile, 'year', u.year, 'unit_id', u.unit_id)::varchar as source_key,
        concat_ws(' · ', u.year, u.name) as source_row,
    from unit_facts u
    left join attainment_word j on j.code = u.judgement
    left join attainment_word c on c.code = u.computed
),
unit_summary_rows as (
    select u.profile, u.year, 'enheter' as section, 'enheter_att_ta_upp' as topic, 'enheter' as subject_id, 'nämnder och bolag' as subject,
        0 as sort_order,
        count(distinct f.unit_id)::integer as n, count(distinct u.unit_id)::integer as m,
        'annual_unit' as source_view,
        json_object('profile', u.profile, 'year', u.year)::varchar as source_key,
        concat_ws(' · ', u.year, 'nämnder och bolag') as source_row,
    from annual_unit u
    left join unit_facts f on f.profile = u.profile and f.year = u.year and f.unit_id = u.unit_id
    group by u.profile, u.year
)
select * from judgement_rows
union all by name select * from share_rows
union all by name select * from oj_rows
union all by name select * from reporting_rows
union all by name select * from requirement_rows
union all by name select * from unit_rows
union all by name select * from unit_summary_rows
