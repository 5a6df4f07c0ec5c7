-- template_prior_judgement: nämndens bedömning as a template prefills it: per goal the judgement and its
-- motivering. Grain: (unit_id, year, period, goal).
create or replace view template_prior_judgement as
select unit_id, year, period, goal, judgement, motivering
from unit_judgement
