-- Migration 003: the city as the säkerhetsprogram describes it (issue 12) – bolag, who each requirement
-- applies to, who can act on an ÖJ gap, every programme version in its own areas, and the nämnd's own
-- judgement (nämndens bedömning) beside the share we compute.

-- A unit, programme version or rule the city must check or replace is marked is_sample (source=exempel).
alter table org_unit add column is_sample boolean default false;
alter table programme_version add column note varchar;
alter table programme_version add column is_sample boolean default false;

-- An area of an older programme may map to none of today's fokusområden (2013's perspectives do not
-- split that way), and a requirement may be kept out of them (general informationssäkerhet, which the
-- 2024 programme hands to the kvalitetsprogram): such items are reported in their own programme's area
-- only, never in a fokusområde.
alter table area_crosswalk alter column fokusomrade drop not null;
alter table requirement alter column fokusomrade drop not null;

-- data/requirement_applicability.csv: which units a requirement applies to. A requirement without
-- including rows applies to every unit followed (nämnder and bolag). applies = true rows include by
-- unit_kind or unit_id; applies = false rows (unit_id) exclude a unit either way.
create table requirement_applicability_rule (
    requirement_id varchar not null,
    unit_kind varchar,
    unit_id varchar,
    applies boolean not null,
    is_sample boolean not null,
    check ((unit_kind is null) <> (unit_id is null)),
    check (applies or unit_id is not null)
);

-- data/oj_cell_owner.csv: which nämnd can act on an ÖJ cell answered by a unit of a kind. verksamhet
-- '*' = every verksamhet of the area; unit_kind NULL = any answering unit. No matching rule: the
-- answering unit itself owns it.
create table oj_owner_rule (
    area varchar not null,
    verksamhet varchar not null,
    unit_kind varchar,
    owner_unit_id varchar not null,
    reason_sv varchar not null,
    first_year integer not null,
    last_year integer,
    is_sample boolean not null
);

-- Facts: nämndens bedömning – each unit's own judgement of goal attainment (helt / delvis / ej, with its
-- motivering) as reported in the city's management system, per year, period and goal. goal is a
-- fokusområde id, or 'samtliga' for the programme's overall goal (goal_text says which words the file
-- used). Never computed here: the share we compute lives in the views, named apart.
create table unit_judgement (
    year integer not null,
    period varchar not null,
    unit_id varchar not null,
    goal varchar not null,
    judgement varchar not null check (judgement in ('helt', 'delvis', 'ej')),
    motivering varchar,
    raw_judgement varchar not null,
    goal_text varchar not null,
    unit_text varchar not null,
    source_file_id integer not null,
    sheet varchar,
    source_row integer not null,
    primary key (year, period, unit_id, goal)
);

-- source_file.kind gains 'unit_judgement' (the management system's export). DuckDB cannot alter a CHECK
-- constraint, so the table is rebuilt with the same rows and the same id sequence.
create table source_file_003 (
    source_file_id integer primary key default nextval('source_file_id_seq'),
    kind varchar not null check (kind in ('oj_workbook', 'oj_csv', 'self_assessment', 'kolada', 'unit_judgement')),
    file_name varchar not null,
    sha256 varchar not null,
    bytes bigint not null,
    imported_at timestamp not null,
    rows_read integer not null,
    rows_stored integer not null,
    years integer[] not null,
    is_sample boolean not null default false,
    superseded_by integer
);
insert into source_file_003 select * from source_file;
drop table source_file;
alter table source_file_003 rename to source_file;
