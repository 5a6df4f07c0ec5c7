import { listValue } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';

/**
 * ÖJ answers read from Kolada (KPI group GKPI298) for kommun-years no file holds. A kommun year that
 * only Kolada has is stored in oj_answer as source kind 'kolada'; a workbook's or CSV's answer is never
 * overwritten. The rows are a function of kolada_value and of what the files hold, so they can be
 * withdrawn before a workbook for their year is imported and put back for the kommuner it left out.
 */

/**
 * oj_answer rows (in the table's column order) coded from Kolada values in `values` (a table shaped
 * like kolada_value): gender T, kommun rows only, the indicator whose kolada_kpi_id and years match.
 * Coding (kolada-oj-kpis.csv): Ja=1, Nej=0; for ja_delvis_nej (kontinuitetsplan) Ja=2, Delvis=1, Nej=0.
 * A null value is `ej_svar`; a value outside the coding is left out (oj_source_check shows it). A
 * kommun-year is taken only when Kolada has at least one value for it, and only when it is free:
 * `otherKinds` – no answer of that kommun and year from a source of another kind; `anyRow` – none at all.
 */
export function koladaAnswersSql(values: string, free: 'otherKinds' | 'anyRow'): string {
  const held = free === 'otherKinds'
    ? `select 1 from oj_answer o join source_file f using (source_file_id) where o.year = c.year and o.unit_id = c.unit_id and f.kind <> 'kolada'`
    : `select 1 from oj_answer o where o.year = c.year and o.unit_id = c.unit_id`;
  return `
    with coded as (
        select
            v.period as year, u.unit_id, i.indicator_id,
            case
                when v.value is null then 'ej_svar'
                else kolada_answer(i.answer_scale, v.value) -- the one coding, src/sql/macros.sql
            end as answer,
            coalesce(case when v.value = round(v.value) then v.value::bigint::varchar else v.value::varchar end, '') as raw_text,
            v.municipality as unit_text,
            v.source_file_id,
            v.raw_file as sheet,
            v.raw_row as source_row,
            v.kpi || ' (' || v.gender || ')' as source_column,
            count(v.value) over (partition by v.period, u.unit_id) as n_values,
        from ${values} v
        join org_unit u on u.kind = 'kommun' and u.kommun_code = v.municipality
        join indicator i on i.kolada_kpi_id = v.kpi and v.period between i.first_year and coalesce(i.last_year, 9999)
        where v.gender = 'T'
    )
    select year, unit_id, indicator_id, answer, raw_text, unit_text, source_file_id, sheet, source_row, source_column
    from coded c
    where c.answer is not null and c.n_values > 0 and not exists (${held})
    order by year, unit_id, indicator_id`;
}

/** Removes Kolada's answers for these years (inside the caller's transaction), so a workbook can take them. */
export async function withdrawKoladaAnswers(db: Database, years: number[]): Promise<void> {
  await db.run(
    `delete from oj_answer
     where list_contains($1, year) and source_file_id in (select source_file_id from source_file where kind = 'kolada')`,
    [listValue(years)],
  );
}

/**
 * Puts Kolada's answers back for every kommun-year that no source holds (inside the caller's
 * transaction), under the Kolada source file in force; returns how many rows were added.
 */
export async function refillKoladaAnswers(db: Database): Promise<number> {
  const before = await db.one<{ n: number }>('select count(*)::int as n from oj_answer');
  await db.run(`insert into oj_answer ${koladaAnswersSql('kolada_value', 'anyRow')}`);
  const after = await db.one<{ n: number }>('select count(*)::int as n from oj_answer');
  await db.run(
    `update source_file f set rows_stored =
        (select count(*) from oj_answer a where a.source_file_id = f.source_file_id)
      + (select count(*) from kolada_value v where v.source_file_id = f.source_file_id)
     where f.source_file_id in (select source_file_id from stg_source_in_force where kind = 'kolada')`,
  );
  return after!.n - before!.n;
}
