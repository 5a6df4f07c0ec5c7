-- Migration 007: what is due when (issue 23) – the mandate periods and the deadlines of the LEH cycle as
-- configuration, the decision that shows a requirement is done, and an action plan for each ÖJ gap.

-- data/mandate_periods.csv: each ordinary election and the mandate period it starts (mandate_start to
-- mandate_end, both days included). Deadlines such as "31 oktober året efter valår" are counted from it.
create table mandate_period (
    election_year integer primary key,
    mandate_start date not null,
    mandate_end date not null,
    is_sample boolean not null,
    check (mandate_start <= mandate_end)
);

-- data/due_rules.csv: a deadline a requirement may carry. rule_kind (the file's column kind) says how its due dates follow from the
-- mandate periods: forsta_aret (by the end of the mandate period's first year), aret_efter_val (on
-- due_month_day of the year after the election), mandatperiod (by the mandate period's end), arligen
-- (each year on due_month_day, its period opening on opens_month_day). Month-days are MM-DD.
create table due_rule (
    rule_id varchar primary key,
    rule_kind varchar not null check (rule_kind in ('forsta_aret', 'aret_efter_val', 'mandatperiod', 'arligen')),
    due_month_day varchar,
    opens_month_day varchar,
    title_sv varchar not null,
    is_sample boolean not null
);

-- requirements.csv gains the optional column due_rule: the deadline the requirement falls due by.
alter table requirement add column due_rule varchar;

-- A self-assessment row may name the decision that shows the requirement is done: its date and its
-- diarienummer or document name.
alter table self_assessment add column decision_date date;
alter table self_assessment add column decision_ref varchar;

-- Facts: a nämnd's action plan for the ÖJ gaps it is responsible for (oj_gap.owner_unit_id), one row per
-- year × responsible nämnd × answering unit × ÖJ indicator cell. action_status: planerad, pagar, klar
-- (NULL: not given). Free text as the nämnd wrote it; owner is the person or role responsible.
create table oj_action (
    year integer not null,
    unit_id varchar not null,
    answering_unit_id varchar not null,
    indicator_id varchar not null,
    action varchar,
    owner varchar,
    due_date date,
    action_status varchar check (action_status in ('planerad', 'pagar', 'klar')),
    raw_status varchar,
    comment varchar,
    unit_text varchar not null,
    source_file_id integer not null,
    sheet varchar,
    source_row integer not null,
    primary key (year, unit_id, answering_unit_id, indicator_id)
);

-- source_file.kind gains 'action_plan'. DuckDB cannot alter a CHECK constraint, so the table is rebuilt
-- with the same rows and the same id sequence (as in migration 003).
create table source_file_007 (
    source_file_id integer primary key default nextval('source_file_id_seq'),
    kind varchar not null check (kind in ('oj_workbook', 'oj_csv', 'self_assessment', 'kolada', 'unit_judgement', 'action_plan')),
    file_name varchar not null,
    sha256 varchar not null,
    bytes bigint not null,
    imported_at timestamp not null,
    rows_read integer not null,
    rows_stored integer not null,
    years integer[] not null,
    is_sample boolean not null default false,
    superseded_by integer,
    removed_at timestamp
);
insert into source_file_007 select * from source_file;
drop table source_file;
alter table source_file_007 rename to source_file;
