-- dash_due_city: Stadsledning's deadlines: per deadline and due date on some unit's calendar
-- (due_calendar.on_calendar), how many of the nämnder – and apart, the bolag – subject to it have a
-- decision in time, a late one, none though the deadline passed, or none yet ("RSA: beslut i tid hos 8 av
-- 11 nämnder"). One row per build profile × year × deadline × due date × unit_group.
-- Grain: (profile, year, rule_id, due_date, unit_group).
-- n_units: the units subject to it, in force on reference_date; n_i_tid + n_sent + n_passerad +
-- n_kommande = n_units. without_decision: the names of those with no decision (passerad or kommande),
-- in profile internal only (NULL in public: counts only); a deadline of a requirement of a fokusområde in
-- setting public_aggregate_only is left out of profile public.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view dash_due_city as
with shown as (
    select distinct year, rule_id, due_date from due_calendar where on_calendar
)
select p.profile, c.year, c.reference_date, c.rule_id, c.rule_title, c.requirement_id, c.requirement_text, c.fokusomrade, c.due_date,
    c.due_date < c.reference_date as is_passed, c.unit_group,
    count(*)::integer as n_units,
    count(*) filter (where c.due_status = 'i_tid')::integer as n_i_tid,
    count(*) filter (where c.due_status = 'sent')::integer as n_sent,
    count(*) filter (where c.due_status = 'passerad')::integer as n_passerad,
    count(*) filter (where c.due_status = 'kommande')::integer as n_kommande,
    case when p.profile = 'internal'
         then string_agg(c.name, ', ' order by c.name) filter (where c.due_status in ('passerad', 'kommande')) end as without_decision,
from due_calendar c
join shown using (year, rule_id, due_date)
cross join (values ('public'), ('internal')) p(profile)
where p.profile = 'internal' or c.publish_in_public
group by p.profile, c.year, c.reference_date, c.rule_id, c.rule_title, c.requirement_id, c.requirement_text, c.fokusomrade, c.due_date, c.unit_group
