-- dash_method_answer_code: Metod's list of the answer spellings ÖJ files use and what each is stored as
-- (vocab kind oj_answer). Grain: (text). sort_order: missing-value codes first (no answer, not
-- applicable), then ja, nej, delvis, the rest; by text within each.
create or replace view dash_method_answer_code as
select
    text, value as answer,
    row_number() over (order by case value when 'ej_svar' then 1 when 'ej_aktuellt' then 2 when 'ja' then 3 when 'nej' then 4 when 'delvis' then 5 else 6 end, text)::integer as sort_order,
from vocab
where kind = 'oj_answer'
