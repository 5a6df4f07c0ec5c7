-- Migration 006: SKR's kommungruppsindelning by edition (issue 18). SKR revised its grouping in 2023:
-- kommuner changed group and a group was renamed, so a kommun's group depends on the ÖJ year. An edition
-- is in force from first_year to last_year (NULL: until further notice; the loader sets it to the year
-- before the next edition's first_year). org_unit.skr_group now holds a kommungrupp unit's code only; a
-- kommun's group in a year is its row in kommungrupp_member of the edition in force (view
-- stg_kommungrupp_member).
create table kommungrupp_edition (
    edition varchar primary key,
    title_sv varchar not null,
    first_year integer not null,
    last_year integer,
    note varchar
);

-- A group's name in an edition; unit_id is the kommungrupp unit (org_unit), the same in every edition
-- that has its code.
create table kommungrupp_group (
    edition varchar not null,
    skr_group varchar not null,
    unit_id varchar not null,
    name varchar not null,
    primary key (edition, skr_group)
);

-- unit_id is the kommun (org_unit kind kommun).
create table kommungrupp_member (
    edition varchar not null,
    unit_id varchar not null,
    skr_group varchar not null,
    primary key (edition, unit_id)
);
