-- dash_oj_verksamhet: ÖJ-svar's column heads: one row per ÖJ verksamhet with its title and a short
-- title, the shortest spelling the parsers accept (vocab oj_verksamhet), the key itself left out.
-- Grain: (verksamhet). sort_order as in oj_verksamhet.
create or replace view dash_oj_verksamhet as
select o.verksamhet, o.title_sv,
       coalesce((select v.text from vocab v where v.kind = 'oj_verksamhet' and v.value = o.verksamhet and v.text <> v.value
                 order by length(v.text), v.text limit 1), o.title_sv) as short_sv,
       o.sort_order,
from oj_verksamhet o
