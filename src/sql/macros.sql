-- Scalar macros the views share (not a view). oj_measure_date(y): the ÖJ survey's measure date in year y
-- (setting oj_measure_date, month-day), the day whose organisation an ÖJ year's answers describe.
-- valid_on(from, to, d): a unit or alias validity period holds day d (open ends allowed). Every view asks
-- whether a unit is valid through these two macros.
create or replace macro oj_measure_date(y) as
    strptime(y::varchar || '-' || coalesce((select value from setting where key = 'oj_measure_date'), '02-01'), '%Y-%m-%d')::date;
create or replace macro valid_on(valid_from, valid_to, d) as
    (valid_from is null or valid_from <= d) and (valid_to is null or d <= valid_to);
-- valid_during_year(from, to, y): the validity period holds some day of year y (a unit that existed in
-- the year, if only for part of it).
create or replace macro valid_during_year(valid_from, valid_to, y) as
    (valid_from is null or valid_from <= make_date(y, 12, 31)) and (valid_to is null or valid_to >= make_date(y, 1, 1));
-- link_applies(change_date, prev_valid_from, prev_valid_to, d_prev, d_now): a stg_unit_link row holds
-- between the two days (see stg_unit_link).
create or replace macro link_applies(change_date, prev_valid_from, prev_valid_to, d_prev, d_now) as
    case when change_date is null then valid_on(prev_valid_from, prev_valid_to, d_prev)
         else change_date > d_prev and change_date <= d_now end;
-- Kolada's coding of ÖJ answers (KPI group GKPI298), written once: Ja=1, Nej=0; for the ja_delvis_nej scale
-- (kontinuitetsplan) Ja=2, Delvis=1, Nej=0. kolada_answer(scale, value): the answer a value stands for,
-- NULL outside the coding. kolada_code(scale, answer): the value an answer has, NULL for ej_svar,
-- ej_aktuellt and pagar, which Kolada has no code for.
create or replace macro kolada_answer(answer_scale, v) as
    case when answer_scale = 'ja_delvis_nej' then case v when 2 then 'ja' when 1 then 'delvis' when 0 then 'nej' end
         else case v when 1 then 'ja' when 0 then 'nej' end end;
create or replace macro kolada_code(answer_scale, answer) as
    case answer when 'ja' then case when answer_scale = 'ja_delvis_nej' then 2 else 1 end
                when 'delvis' then 1 when 'nej' then 0 end;
-- build_profile(): the profile of the dashboard build reading the database (public or internal), which
-- its loaders set as variable beredskap_profile (src/dashboard/martLoader.js); public when none is set.
-- published(publish_in_public): whether a row marked so may be in this build: a public build leaves out
-- the rows marked false (a unit's figures for fokusområden published only as aggregates), an internal
-- build keeps every row.
create or replace macro build_profile() as coalesce(getvariable('beredskap_profile'), 'public');
create or replace macro published(publish_in_public) as publish_in_public or build_profile() = 'internal';
-- min_items_for_share(): below this many applicable items a share is marked few_items (setting
-- min_items_for_share in data/settings.csv; 5 where the setting is absent).
create or replace macro min_items_for_share() as
    coalesce((select value::integer from setting where key = 'min_items_for_share'), 5);
-- min_units_for_public_aggregate(): a public build shows a pooled figure of a fokusområde in setting
-- public_aggregate_only only when at least this many units have data in it (setting
-- min_units_for_public_aggregate; 3 where absent): a pool of one is that unit's figure.
create or replace macro min_units_for_public_aggregate() as
    coalesce((select value::integer from setting where key = 'min_units_for_public_aggregate'), 3);
