import type { Database } from '../db/database.ts';
import { percent } from '../../docs/components/format.js';
import { toCsv } from '../text/writeCsv.ts';
import { formatTable } from './formatTable.ts';

type Format = 'table' | 'csv' | 'json';

interface Column {
  key: string;
  header: string;
  kind?: 'share' | 'number';
}

interface ReportDef {
  /** A query over one documented view; $1 year and $2 unit_id filter when given. */
  sql: string;
  columns: Column[];
}

const share = (key: string, header: string): Column => ({ key, header, kind: 'share' });
const num = (key: string, header: string): Column => ({ key, header, kind: 'number' });

export const reports: Record<string, ReportDef> = {
  readiness: {
    sql: `select year, unit_id, fokusomrade, basis, n_items, n_met, n_partial, n_not_met, n_in_progress, n_unanswered, n_not_applicable, share_met, share_answered
          from readiness
          where ($1::integer is null or year = $1) and ($2::varchar is null or unit_id = $2)
          order by year, unit_id, fokusomrade, basis`,
    columns: [
      num('year', 'År'), { key: 'unit_id', header: 'Enhet' }, { key: 'fokusomrade', header: 'Fokusområde' }, { key: 'basis', header: 'Underlag' },
      num('n_items', 'Poster'), num('n_met', 'Uppfyllda'), num('n_partial', 'Delvis'), num('n_not_met', 'Ej uppfyllda'),
      num('n_in_progress', 'Pågår'), num('n_unanswered', 'Ej svar'), num('n_not_applicable', 'Ej aktuella'),
      share('share_met', 'Andel uppfyllt'), share('share_answered', 'Andel besvarat'),
    ],
  },
  gaps: {
    sql: `select year, unit_id, indicator_id, answer, gap_status, since_year
          from oj_gap
          where ($1::integer is null or year = $1) and ($2::varchar is null or unit_id = $2)
          order by year, unit_id, indicator_id`,
    columns: [num('year', 'År'), { key: 'unit_id', header: 'Enhet' }, { key: 'indicator_id', header: 'Indikator' }, { key: 'answer', header: 'Svar' }, { key: 'gap_status', header: 'Status' }, num('since_year', 'Sedan')],
  },
  goals: {
    sql: `select year, unit_id, fokusomrade, target_share, share_met, attainment
          from goal_attainment
          where ($1::integer is null or year = $1) and ($2::varchar is null or unit_id = $2)
          order by year, unit_id, fokusomrade`,
    columns: [num('year', 'År'), { key: 'unit_id', header: 'Nämnd' }, { key: 'fokusomrade', header: 'Fokusområde' }, share('target_share', 'Mål'), share('share_met', 'Beräknad andel uppfyllt'), { key: 'attainment', header: 'Beräknad måluppfyllnad' }],
  },
  fidelity: {
    sql: `select year, file_name, unit_id, indicator_id, share_published, share_recomputed, diff_pp, ok
          from fidelity
          where ($1::integer is null or year = $1) and ($2::varchar is null or unit_id = $2)
          order by year, unit_id, indicator_id`,
    columns: [num('year', 'År'), { key: 'file_name', header: 'Fil' }, { key: 'unit_id', header: 'Nivå' }, { key: 'indicator_id', header: 'Indikator' }, share('share_published', 'Publicerad'), share('share_recomputed', 'Omräknad'), num('diff_pp', 'Skillnad (p.e.)'), { key: 'ok', header: 'OK' }],
  },
};


/** `beredskap report NAME`: a view for a terminal user (Swedish headers, sv-SE numbers), or CSV/JSON. */
export async function runReport(db: Database, name: string, options: { year?: number; unit?: string; format: Format }): Promise<string> {
  const def = reports[name]!;
  const rows = await db.all<Record<string, unknown>>(def.sql, [options.year ?? null, options.unit ?? null]);
  if (options.format === 'json') return JSON.stringify(rows, null, 2);
  if (options.format === 'csv') return toCsv(def.columns.map((c) => c.key), rows.map((r) => def.columns.map((c) => r[c.key])));
  if (!rows.length) return 'Inga uppgifter för det urvalet.';
  return formatTable(
    def.columns.map((c) => c.header),
    rows.map((r) => def.columns.map((c) => {
      const v = r[c.key];
      if (c.kind === 'share') return percent(v as number | null);
      if (v === null || v === undefined) return null;
      if (c.key === 'year' || c.key === 'since_year') return String(v);
      if (typeof v === 'boolean') return v ? 'ja' : 'nej';
      return c.kind === 'number' ? Number(v) : String(v);
    })),
  );
}
