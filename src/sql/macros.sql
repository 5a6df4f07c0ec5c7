-- Scalar macros the views share (not a view). oj_measure_date(y): the ÖJ survey's measure date in year y
-- (setting oj_measure_date, month-day), the day whose organisation an ÖJ year's answers describe.
-- valid_on(from, to, d): a unit or alias validity period holds day d (open ends allowed).
create or replace macro oj_measure_date(y) as
    strptime(y::varchar || '-' || coalesce((select value from setting where key = 'oj_measure_date'), '02-01'), '%Y-%m-%d')::date;
create or replace macro valid_on(valid_from, valid_to, d) as
    (valid_from is null or valid_from <= d) and (valid_to is null or d <= valid_to);
-- link_applies(change_date, prev_valid_from, prev_valid_to, d_prev, d_now): a stg_unit_link row holds
-- between the two days (see stg_unit_link).
create or replace macro link_applies(change_date, prev_valid_from, prev_valid_to, d_prev, d_now) as
    case when change_date is null then valid_on(prev_valid_from, prev_valid_to, d_prev)
         else change_date > d_prev and change_date <= d_now end;
