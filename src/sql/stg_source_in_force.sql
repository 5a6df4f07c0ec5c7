-- stg_source_in_force: one row per imported file whose facts are in force – neither replaced by a newer
-- version (superseded_by) nor removed (`beredskap remove source`). Grain: (source_file_id). The one
-- definition of "the files in force": what the dashboard's freshness, the Exempeldata notices and the
-- sample guard read. (A pull asks another question – has this content been imported and not replaced,
-- removed or not – and reads source_file itself: a removed file is not pulled back in.)
create or replace view stg_source_in_force as
select * from source_file
where superseded_by is null and removed_at is null
