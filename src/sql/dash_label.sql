-- dash_label: what a user reads for each stored code (data/labels.csv, table display_label), for every
-- page: the dashboard shows `text`, the symbol before the words ("✔ Ja", "▲ Över") so colour is never
-- the only carrier of meaning; the command line and exports use `label` alone. Grain: (domain, code).
-- sort_order: the file's order within the domain (the order a person reads the choices in).
-- Invariant: every code a view outputs in a domain has a row (config validation; src/sql/labels.test.ts).
create or replace view dash_label as
select domain, code, label, symbol,
       case when symbol is null then label else symbol || ' ' || label end as text,
       sort_order,
from display_label
