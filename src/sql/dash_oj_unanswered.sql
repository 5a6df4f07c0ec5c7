-- dash_oj_unanswered: ÖJ-svar's shares of Ja, Nej and unanswered per year for the organisation's
-- ÖJ-answering units (unanswered_share over dash_oj_unit). Grain: (year, unit_id).
create or replace view dash_oj_unanswered as
select *
from unanswered_share
where unit_id in (select unit_id from dash_oj_unit)
