-- Migration 005: a source file can be removed (`beredskap remove source ID`). Its facts are deleted; its
-- row stays in source_file as history, with the time it was removed. A file is in force when neither
-- superseded_by nor removed_at is set.
alter table source_file add column removed_at timestamp;
