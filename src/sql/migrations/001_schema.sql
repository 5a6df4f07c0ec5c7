-- Migration 001: the data model. Table and key column names are a public interface for analysts.
-- Configuration tables (org_*, indicator, vocab_*, requirement, target, …) are reloaded from data/*.csv
-- whenever those files change; fact tables (oj_answer, oj_published_share, self_assessment) hold what
-- imports stored, each row traceable to source_file (sha256), sheet, row and column.
-- No foreign keys: DuckDB forbids deleting referenced rows, and the config reload must be able to
-- replace a table whole; `beredskap check` reports orphans instead.

create sequence source_file_id_seq start 1;

-- One row per imported file. A file whose rows were replaced by a newer version of the same year
-- keeps its row here with superseded_by set; its facts are gone.
create table source_file (
    source_file_id integer primary key default nextval('source_file_id_seq'),
    kind varchar not null check (kind in ('oj_workbook', 'oj_csv', 'self_assessment', 'kolada')),
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

create table config_state (
    config_dir varchar not null,
    content_sha256 varchar not null,
    loaded_at timestamp not null
);

-- Organisation ------------------------------------------------------------------------------------
create table org_unit (
    unit_id varchar primary key,
    name varchar not null,
    kind varchar not null,
    kommun_code varchar,
    lan_code varchar,
    parent_unit_id varchar,
    skr_group varchar,
    valid_from date,
    valid_to date
);

create table org_lineage (
    predecessor_id varchar not null,
    successor_id varchar not null,
    change_date date not null,
    primary key (predecessor_id, successor_id)
);

-- alias_norm is the alias after normalizeName(): what lookups compare.
create table org_alias (
    alias varchar not null,
    alias_norm varchar not null,
    unit_id varchar not null,
    valid_from date,
    valid_to date,
    is_own_name boolean not null
);

-- Catalog -----------------------------------------------------------------------------------------
create table fokusomrade (
    fokusomrade varchar primary key,
    title_sv varchar not null,
    sort_order integer not null,
    description_sv varchar
);

create table area_crosswalk (
    scheme varchar not null,
    source_area varchar not null,
    source_title_sv varchar not null,
    fokusomrade varchar not null,
    primary key (scheme, source_area)
);

create table oj_area (
    area varchar primary key,
    title_sv varchar not null,
    sort_order integer not null,
    fokusomrade varchar not null
);

create table oj_verksamhet (
    verksamhet varchar primary key,
    title_sv varchar not null,
    sort_order integer not null
);

create table indicator (
    indicator_id varchar primary key,
    area varchar not null,
    verksamhet varchar not null,
    series varchar not null,
    first_year integer not null,
    last_year integer,
    answer_scale varchar not null check (answer_scale in ('ja_nej', 'ja_delvis_nej')),
    kolada_kpi_id varchar,
    fokusomrade varchar not null,
    title_sv varchar not null
);

-- Every spelling the parsers accept, one table: kind says which vocabulary (oj_area, oj_verksamhet,
-- oj_answer, oj_column, self_column, self_status, period), text_norm is what lookups compare.
create table vocab (
    kind varchar not null,
    text varchar not null,
    text_norm varchar not null,
    value varchar not null,
    primary key (kind, text_norm)
);

create table period (
    period varchar primary key,
    sort_order integer not null,
    period_end varchar not null
);

create table programme_version (
    programme_version varchar primary key,
    title_sv varchar not null,
    first_year integer not null,
    last_year integer,
    adopted varchar
);

create table requirement (
    requirement_id varchar primary key,
    programme_version varchar not null,
    programme_area varchar not null,
    fokusomrade varchar not null,
    text_sv varchar not null,
    since_year integer not null,
    until_year integer,
    is_sample boolean not null
);

create table target (
    first_year integer not null,
    last_year integer,
    fokusomrade varchar not null,
    unit_id varchar,
    target_share double not null check (target_share between 0 and 1),
    delvis_within_pp double not null check (delvis_within_pp >= 0)
);

create table requirement_oj_map (
    requirement_id varchar not null,
    area varchar not null,
    verksamhet varchar not null
);

create table setting (
    key varchar primary key,
    value varchar not null
);

-- Facts -------------------------------------------------------------------------------------------
-- raw_text / raw_status: the cell as read; unit_text: the unit as the file named it (or its code), so
-- that aliases used can be listed; sheet, source_row, source_column: where in the source file.
create table oj_answer (
    year integer not null,
    unit_id varchar not null,
    indicator_id varchar not null,
    answer varchar not null check (answer in ('ja', 'nej', 'delvis', 'pagar', 'ej_aktuellt', 'ej_svar')),
    raw_text varchar not null,
    unit_text varchar not null,
    source_file_id integer not null,
    sheet varchar,
    source_row integer not null,
    source_column varchar not null,
    primary key (year, unit_id, indicator_id)
);

-- What an ÖJ file itself says on its aggregate rows (riket, län, kommungrupp): share of responding
-- units answering Ja, kept to check our own reading against (the fidelity view).
create table oj_published_share (
    year integer not null,
    level varchar not null check (level in ('riket', 'lan', 'kommungrupp')),
    unit_id varchar not null,
    indicator_id varchar not null,
    share_ja double check (share_ja between 0 and 1),
    -- n_units: a respondent count written in the cell itself ("57 % (n=245)"); n_respondents_row: the
    -- row's own count column ("Antal svarande"), which counts units that answered at all.
    n_units integer,
    n_respondents_row integer,
    raw_text varchar not null,
    unit_text varchar not null,
    source_file_id integer not null,
    sheet varchar,
    source_row integer not null,
    source_column varchar not null,
    primary key (year, unit_id, indicator_id)
);

create table self_assessment (
    year integer not null,
    period varchar not null,
    unit_id varchar not null,
    requirement_id varchar not null,
    status varchar not null check (status in ('uppfyllt', 'delvis', 'ej_uppfyllt', 'ej_aktuellt', 'ej_svar')),
    raw_status varchar not null,
    comment varchar,
    planned_action varchar,
    owner varchar,
    due_date date,
    unit_text varchar not null,
    source_file_id integer not null,
    sheet varchar,
    source_row integer not null,
    primary key (year, period, unit_id, requirement_id)
);
