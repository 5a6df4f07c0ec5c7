-- dash_method_indicator: Metod's indicator catalog (dash_indicator) with the title of the fokusområde
-- each indicator counts toward. Grain: (indicator_id). sort_order as dash_indicator's.
create or replace view dash_method_indicator as
select
    d.indicator_id, d.area_title, d.verksamhet_title, d.series, d.first_year, d.last_year, d.answer_scale,
    f.title_sv as fokusomrade_title, d.kolada_kpi_id, d.sort_order,
from dash_indicator d
join fokusomrade f using (fokusomrade)
