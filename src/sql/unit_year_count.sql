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
-- for no cell that year. has_judgement: it gave nämndens bedömning for some period of the year.
-- sort_order: the organisation's lists' order (dash_namnd_unit: kind, then name).
-- Invariant: n_oj_open_questions <= n_oj_open <= n_oj_responsible; n_overdue <= n_open.
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
units as (
    select y.year, n.unit_id, n.name, n.kind, n.unit_group, d.sort_order,
        valid_on(n.valid_from, n.valid_to, make_date(y.year, 12, 31)) as is_counted,
        n.valid_to is not null and year(n.valid_to) = y.year as ended_in_year,
        (n.valid_from is null or year(n.valid_from) <= y.year) and (n.valid_to is null or year(n.valid_to) >= y.year) as in_force_in_year,
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
        exists (select 1 from unit_judgement j where j.year = u.year and j.unit_id = u.unit_id) as has_judgement,
    from units u
    cross join profiles pr
    left join unit_period_count c on c.profile = pr.profile and c.unit_id = u.unit_id and c.year = u.year and c.is_latest
    left join oj_cells o on o.year = u.year and o.unit_id = u.unit_id
    left join oj_open g on g.year = u.year and g.unit_id = u.unit_id
    where u.in_force_in_year or c.period is not null or o.unit_id is not null
)
select * from final
