-- Migration 002: Kolada (RKA), pulled by `beredskap pull kolada` (loaders/kolada.ts).
--
-- Download state (ETag, Last-Modified, sha256 of each downloaded file) is deliberately NOT a table: it
-- is kept in a JSON file beside the raw files it describes (data/raw/oj/.state.json). It is true of
-- exactly those files, so deleting or moving data/raw/ (BEREDSKAP_RAW_DIR) takes it along and a
-- conditional request never refers to a file that is gone; and rebuilding the database (from sample
-- data, or a fresh file) does not forget what is already on disk.

-- Which Kolada KPIs are pulled and where they are shown (data/kolada_kpis.csv, reloaded like every
-- configuration table). kpi_group GKPI298: Öppna jämförelser – Krisberedskap, one KPI per ÖJ cell (its
-- indicator says which, indicator.kolada_kpi_id); others are context figures. level: municipality data
-- (/data) or organisational-unit data (/oudata).
create table kolada_kpi (
    kpi_id varchar primary key,
    kpi_group varchar,
    page varchar not null,
    level varchar not null check (level in ('municipality', 'ou')),
    title_sv varchar not null
);

-- One row per Kolada value as the API gave it: a KPI for one kommun/region (municipality, Kolada's
-- four-digit id: kommunkod, 0000 riket, 00xx regioner) or one organisational unit (ou), one period
-- (year), one gender (T total, K, M). value may be NULL; status is Kolada's flag for a missing or
-- uncertain value (NULL when Kolada gave none). Rows marked isdeleted are never stored. raw_file and
-- raw_row: the response page under data/raw/kolada/ and the row in its "values" list. A pull replaces
-- all rows at once (source_file kind 'kolada', whose sha256 is that of data/raw/kolada/kolada-values.json).
create table kolada_value (
    kpi varchar not null,
    municipality varchar,
    ou varchar,
    period integer not null,
    gender varchar not null,
    value double,
    status varchar,
    count integer,
    source_file_id integer not null,
    raw_file varchar not null,
    raw_row integer not null,
    check ((municipality is null) <> (ou is null))
);
