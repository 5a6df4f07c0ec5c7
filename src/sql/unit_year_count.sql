-- unit_year_count: the one count per unit and year of what is open, overdue, answered and reported –
-- read by the nämnd pages, Stadsledning, Årsuppföljning, `report summary`, the export's sheet
-- Enheter and the template alike, so the same question gets the same number everywhere.
-- One row per build profile × year (every year with readiness data) × nämnd or bolag of the organisation
-- (stg_org_namnd) in force at some time during the year or with data that year.
-- Grain: (profile, year, unit_id).
-- is_counted: in force on 31 December, so counted in the year's city figures (goal_attainment);
-- ended_in_year: it ceased during the year (merged away) and is listed, not counted.
-- Self-assessment, from the unit's latest report of the year (unit_period_count.is_latest):
-- self_period (NULL: no report that year), n_requirements, n_open, n_new, n_fixed, n_overdue
-- (försenade at the period's end); NULL without a report. Profile public leaves out the requirements
-- of a fokusområde in setting public_aggregate_only (unit_period_count).
-- ÖJ, the year's survey: n_oj_answered: cells the unit answered itself (0: it answers no ÖJ survey that
-- year); n_oj_responsible: cells it is responsible for (oj_cell_owner: its own, shared, and others'
-- answers it owns); n_oj_open: its open ÖJ gaps (dash_namnd_oj_gap rows egen and ansvarar: one per
-- answering unit × question), n_oj_new those that are new this year, n_oj_open_questions the distinct
-- questions among them, n_oj_open_shared those shared with another nämnd. NULL when it is responsible
-- for no cell that year. Its action plan (oj_action_plan): n_oj_with_action, n_oj_without_action (= n_oj_open
-- - n_oj_with_action), n_oj_action_done (status klar); NULL as n_oj_open.
-- Deadlines (due_calendar, per the year's reference_date; NULL when the year has no calendar or the unit
-- no deadline on it): n_due (rows on its calendar), n_due_passed (passerade tidsfrister: passed with no
-- decision), n_due_coming (due in the next 12 months with no decision yet). Profile public leaves out the
-- deadlines of requirements of a fokusområde in setting public_aggregate_only.
-- has_judgement: it gave nämndens bedömning for some period of the year.
-- sort_order: the organisation's lists' order (dash_namnd_unit: kind, then name).
-- Invariant: n_oj_open_questions <= n_oj_open <= n_oj_responsible; n_overdue <= n_open;
-- n_oj_action_done <= n_oj_with_action <= n_oj_open; n_due_passed + n_due_coming <= n_due.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view unit_year_count as
with years as (
    select distinct year from readiness
),
profiles as (
    select distinct profile from stg_profile_fokus
),
oj_roles as (
    -- a shared cell has a row per owner: answered once
    select year, unit_id, count(distinct indicator_id)::integer as n_answered, 0 as n_responsible from oj_cell_owner group by all
    union all
    select year, owner_unit_id, 0, count(*)::integer from oj_cell_owner group by all
),
oj_cells as (
    select year, unit_id, sum(n_answered)::integer as n_oj_answered, sum(n_responsible)::integer as n_oj_responsible
    from oj_roles
    group by all
),
oj_open as (
    select year, unit_id,
        count(*)::integer as n_oj_open,
        count(*) filter (where gap_status = 'ny')::integer as n_oj_new,
        count(distinct indicator_id)::integer as n_oj_open_questions,
        count(*) filter (where is_shared)::integer as n_oj_open_shared,
    from dash_namnd_oj_gap
    where role in ('egen', 'ansvarar')
    group by all
),
actions as (
    select year, unit_id,
        count(*) filter (where has_action)::integer as n_oj_with_action,
        count(*) filter (where not has_action)::integer as n_oj_without_action,
        count(*) filter (where action_status = 'klar')::integer as n_oj_action_done,
    from oj_action_plan
    group by all
),
due as (
    select pr.profile, c.year, c.unit_id,
        count(*) filter (where c.on_calendar)::integer as n_due,
        count(*) filter (where c.on_calendar and c.due_status = 'passerad')::integer as n_due_passed,
        count(*) filter (where c.in_next_12_months and c.due_status = 'kommande')::integer as n_due_coming,
    from due_calendar c
    cross join profiles pr
    where pr.profile = 'internal' or c.publish_in_public
    group by all
),
units as (
    select y.year, n.unit_id, n.name, n.kind, n.unit_group, d.sort_order,
        valid_on(n.valid_from, n.valid_to, make_date(y.year, 12, 31)) as is_counted,
        n.valid_to is not null and year(n.valid_to) = y.year as ended_in_year,
        valid_during_year(n.valid_from, n.valid_to, y.year) as in_force_in_year,
    from years y
    cross join stg_org_namnd n
    join dash_namnd_unit d using (unit_id)
),
final as (
    select pr.profile, u.year, u.unit_id, u.name, u.kind, u.unit_group, u.sort_order, u.is_counted, u.ended_in_year,
        c.period as self_period,
        c.n_requirements, c.n_open, c.n_new, c.n_fixed, c.n_overdue,
        coalesce(o.n_oj_answered, 0) as n_oj_answered,
        coalesce(o.n_oj_responsible, 0) as n_oj_responsible,
        case when o.n_oj_responsible > 0 then coalesce(g.n_oj_open, 0) end as n_oj_open,
        case when o.n_oj_responsible > 0 then coalesce(g.n_oj_new, 0) end as n_oj_new,
        case when o.n_oj_responsible > 0 then coalesce(g.n_oj_open_questions, 0) end as n_oj_open_questions,
        case when o.n_oj_responsible > 0 then coalesce(g.n_oj_open_shared, 0) end as n_oj_open_shared,
        case when o.n_oj_responsible > 0 then coalesce(a.n_oj_with_action, 0) end as n_oj_with_action,
        case when o.n_oj_responsible > 0 then coalesce(a.n_oj_without_action, 0) end as n_oj_without_action,
        case when o.n_oj_responsible > 0 then coalesce(a.n_oj_action_done, 0) end as n_oj_action_done,
        d.n_due, d.n_due_passed, d.n_due_coming,
        exists (select 1 from unit_judgement j where j.year = u.year and j.unit_id = u.unit_id) as has_judgement,
    from units u
    cross join profiles pr
    left join unit_period_count c on c.profile = pr.profile and c.unit_id = u.unit_id and c.year = u.year and c.is_latest
    left join oj_cells o on o.year = u.year and o.unit_id = u.unit_id
    left join oj_open g on g.year = u.year and g.unit_id = u.unit_id
    left join actions a on a.year = u.year and a.unit_id = u.unit_id
    left join due d on d.profile = pr.profile and d.year = u.year and d.unit_id = u.unit_id
    where u.in_force_in_year or c.period is not null or o.unit_id is not null
)
select * from final
