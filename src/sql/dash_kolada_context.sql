-- dash_kolada_context: the context figures a page shows beside the ÖJ answers – kolada_context, per
-- Kolada figure, kommun and year, with the page it belongs to. Grain: (kpi_id, unit_id, year).
create or replace view dash_kolada_context as
select *
from kolada_context
