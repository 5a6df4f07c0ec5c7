-- setting_list: one row per item of a setting (data/settings.csv), a list setting split at '|' in its
-- written order (comparison_units, namnd_kinds, public_aggregate_only …); a single value is a list of
-- one. The one place a setting is split: views and loaders read lists from here.
-- Grain: (key, n). n: the item's place in the list, from 1. Invariant: value is never empty.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view setting_list as
select s.key, r.n::integer as n, trim(string_split(s.value, '|')[r.n]) as value
from setting s, range(1, len(string_split(s.value, '|')) + 1) as r(n)
where trim(string_split(s.value, '|')[r.n]) <> ''
