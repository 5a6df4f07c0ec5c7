-- Migration 005 (labels): the words a user reads for each stored code, from data/labels.csv, one table
-- for the dashboard (view dash_label), `beredskap report`, exports and templates alike. domain says which
-- set of codes (answer, status, gap, attainment, source_kind, unit_kind, unit_group, measure, position,
-- finding); symbol, when set, goes before the label on the dashboard so colour never carries meaning
-- alone; sort_order is the file's order within the domain.
create table display_label (
    domain varchar not null,
    code varchar not null,
    symbol varchar,
    label varchar not null check (label <> ''),
    sort_order integer not null,
    primary key (domain, code)
);
