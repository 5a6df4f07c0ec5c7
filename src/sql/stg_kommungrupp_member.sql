-- stg_kommungrupp_member: one row per edition of SKR's kommungruppsindelning × kommun: the kommun's group
-- in that edition and the ÖJ years the edition is in force, first_year to last_year (NULL: until further
-- notice). Grain: (edition, unit_id). A comparison with a kommungrupp in year Y pools the kommuner of the
-- edition with first_year <= Y <= coalesce(last_year, Y) – one edition per year (the configuration check
-- refuses two editions from one year and ÖJ years before the earliest). group_unit_id is the kommungrupp
-- unit (org_unit), the same in every edition that has the code; group_name its name in this edition.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view stg_kommungrupp_member as
select
    e.edition, e.title_sv as edition_title, e.first_year, e.last_year,
    m.unit_id, k.name as kommun_name, m.skr_group, g.unit_id as group_unit_id, g.name as group_name,
from kommungrupp_member m
join kommungrupp_edition e using (edition)
join kommungrupp_group g using (edition, skr_group)
join org_unit k on k.unit_id = m.unit_id
