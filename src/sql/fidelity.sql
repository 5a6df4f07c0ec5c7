-- fidelity: one row per imported ÖJ file × aggregate row (riket, län, kommungrupp) × indicator: the share
-- the file publishes against the share recomputed from the same file's kommun rows. Grain:
-- (source_file_id, year, unit_id, indicator_id) – a long CSV may hold several years. Recomputed share = n_ja / n_responding over the kommuner the
-- aggregate stands for (riket: all; län: by lan_code; kommungrupp: the group's kommuner in the edition of
-- SKR's kommungruppsindelning in force that year, named in kommungrupp_edition), n_responding = answers
-- ja, nej, delvis or pagar. diff_pp = (recomputed - published) × 100. ok: |diff_pp| <= 0.5 (rounding to
-- whole percent) and, where the cell itself gives a respondent count ("57 % (n=245)"), it equals
-- n_responding; NULL when the file published no share. A row's own count column (n_respondents_row,
-- "Antal svarande") counts units that answered at all; it is shown beside n_respondents_recomputed
-- (member kommuner with any answer other than ej_svar in the file) but, its definition being
-- unverified, does not decide ok. n_members: kommuner the aggregate stands for (org_unit); n_members_in_file:
-- how many of them the file has rows for. is_checkable: the file holds at least 90 % of the members, so a
-- recomputed share can be held against the published one; an import refuses a file with a checkable cell
-- that is not ok (a misread share scale, shifted columns), and `beredskap check` fails on one. This is how
-- the tool shows that it reads the source right.
-- Materialised: a table, recomputed at the end of every import, pull and config change (src/db/views.ts).
create or replace view fidelity as
with published as (
    select s.source_file_id, s.year, s.level, s.unit_id, s.indicator_id, s.share_ja, s.n_units, s.n_respondents_row, u.lan_code, u.kind
    from oj_published_share s
    join org_unit u using (unit_id)
),
aggregate as (
    select distinct year, unit_id, kind, lan_code from published
),
stands_for as (
    -- the kommuner each aggregate row stands for in its year
    select a.year, a.unit_id, k.unit_id as member_id, null::varchar as edition
    from aggregate a
    join org_unit k on k.kind = 'kommun' and (a.kind = 'riket' or (a.kind = 'lan' and k.lan_code = a.lan_code))
    union all
    select a.year, a.unit_id, m.unit_id, m.edition
    from aggregate a
    join stg_kommungrupp_member m on m.group_unit_id = a.unit_id and a.year between m.first_year and coalesce(m.last_year, a.year)
    where a.kind = 'kommungrupp'
),
recomputed as (
    select
        p.source_file_id, p.year, p.unit_id, p.indicator_id,
        count(*) filter (where a.answer = 'ja')::integer as n_ja,
        count(*) filter (where a.answer in ('ja', 'nej', 'delvis', 'pagar'))::integer as n_responding,
    from published p
    join stands_for m on m.year = p.year and m.unit_id = p.unit_id
    join oj_answer a on a.source_file_id = p.source_file_id and a.year = p.year and a.indicator_id = p.indicator_id and a.unit_id = m.member_id
    group by all
),
respondents as (
    select
        p.source_file_id, p.year, p.unit_id,
        count(distinct a.unit_id) filter (where a.answer <> 'ej_svar')::integer as n_respondents,
        count(distinct a.unit_id)::integer as n_members_in_file,
    from (select distinct source_file_id, year, unit_id from published) p
    join stands_for m on m.year = p.year and m.unit_id = p.unit_id
    join oj_answer a on a.source_file_id = p.source_file_id and a.year = p.year and a.unit_id = m.member_id
    group by all
),
members as (
    select year, unit_id, count(*)::integer as n_members, any_value(edition) as kommungrupp_edition
    from stands_for
    group by all
),
final as (
    select
        p.source_file_id, f.file_name, p.year, p.level, p.unit_id, p.indicator_id,
        m.kommungrupp_edition,
        p.share_ja as share_published,
        p.n_units as n_published,
        r.n_ja / nullif(r.n_responding, 0) as share_recomputed,
        r.n_responding,
        p.n_respondents_row,
        n.n_respondents as n_respondents_recomputed,
        m.n_members,
        coalesce(n.n_members_in_file, 0) as n_members_in_file,
        coalesce(n.n_members_in_file, 0) >= 0.9 * m.n_members as is_checkable,
        round((r.n_ja / nullif(r.n_responding, 0) - p.share_ja) * 100, 2) as diff_pp,
        case
            when p.share_ja is null then null
            else coalesce(abs(r.n_ja / nullif(r.n_responding, 0) - p.share_ja) * 100 <= 0.5 + 1e-9, false)
                 and (p.n_units is null or p.n_units = r.n_responding)
        end as ok,
    from published p
    join source_file f using (source_file_id)
    left join recomputed r using (source_file_id, year, unit_id, indicator_id)
    left join respondents n using (source_file_id, year, unit_id)
    left join members m using (year, unit_id)
)
select * from final
