-- dash_method_setting: Metod's table of the settings the numbers are made with (data/settings.csv), as
-- written there. Grain: (key).
create or replace view dash_method_setting as
select key, value
from setting
