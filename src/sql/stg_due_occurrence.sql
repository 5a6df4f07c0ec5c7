-- stg_due_occurrence: every due date of every deadline (table due_rule, data/due_rules.csv) over the
-- mandate periods configured (table mandate_period, data/mandate_periods.csv). Grain: (rule_id, due_date).
-- Per kind: forsta_aret falls due on the last day of a mandate period's first year (mandate_start + 1 year
-- - 1 day: 2027-10-14 for the period that began 2026-10-15); aret_efter_val on due_month_day of the year
-- after the election (2027-10-31 for the 2026 election); mandatperiod on the mandate period's last day;
-- arligen once a year on due_month_day, for every year a configured mandate period touches.
-- window_start: the first day a decision meets this due date – the mandate period's start, or for
-- arligen the year's opens_month_day (the year before when that day comes after the due day).
-- period_end: the last day a decision still counts for this due date, late after due_date – the day
-- before the next due date's window starts (for the last one: its mandate period's end, or a year after
-- window_start for arligen). A decision dated before window_start belongs to an earlier due date: an RSA
-- adopted in 2023 does not meet the deadline of 2027.
-- election_year: the mandate period the due date falls in (NULL outside every configured period).
-- Invariant: window_start <= due_date <= period_end.
create or replace view stg_due_occurrence as
with by_mandate as (
    select r.rule_id, r.rule_kind, r.title_sv, m.election_year, m.mandate_start as window_start,
        case r.rule_kind
            when 'forsta_aret' then (m.mandate_start + interval 1 year - interval 1 day)::date
            when 'aret_efter_val' then strptime((m.election_year + 1)::varchar || '-' || r.due_month_day, '%Y-%m-%d')::date
            else m.mandate_end
        end as due_date,
        m.mandate_end as last_day,
    from due_rule r
    cross join mandate_period m
    where r.rule_kind <> 'arligen'
),
years as (
    select unnest(range(min(year(mandate_start)), max(year(mandate_end)) + 1)) as year from mandate_period
),
yearly as (
    select r.rule_id, r.rule_kind, r.title_sv, null::integer as election_year,
        strptime((y.year - case when r.opens_month_day > r.due_month_day then 1 else 0 end)::varchar || '-' || r.opens_month_day, '%Y-%m-%d')::date as window_start,
        strptime(y.year::varchar || '-' || r.due_month_day, '%Y-%m-%d')::date as due_date,
        null::date as last_day,
    from due_rule r
    cross join years y
    where r.rule_kind = 'arligen'
),
occurrences as (
    select * from by_mandate
    union all by name
    select * from yearly
)
select o.rule_id, o.rule_kind, o.title_sv, o.due_date, o.window_start,
    coalesce(
        lead(o.window_start) over (partition by o.rule_id order by o.due_date) - interval 1 day,
        o.last_day,
        o.window_start + interval 1 year - interval 1 day
    )::date as period_end,
    coalesce(o.election_year, (select m.election_year from mandate_period m where o.due_date between m.mandate_start and m.mandate_end)) as election_year,
from occurrences o
