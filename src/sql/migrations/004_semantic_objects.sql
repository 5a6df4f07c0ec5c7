-- Migration 004: the registry of the semantic layer (src/sql/*.sql, created by src/db/views.ts).
-- One row per view file in force: its name, whether it is materialised into a table of that name (its
-- logic then lives in the view <name>__view), and the sha256 of the file it was created from. Lets every
-- command skip recreating unchanged views, and drop the views and tables whose file was removed, while
-- leaving alone any view an analyst made in the same database.
create table semantic_object (
    name varchar primary key,
    materialised boolean not null,
    sql_sha256 varchar not null
);
