-- Migration 007: targets carry source=exempel like the other configuration the city must check, so
-- that every page using an example target says so.
alter table target add column is_sample boolean default false;
