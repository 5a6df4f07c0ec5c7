import type { Database } from '../db/database.ts';
import { loadLabels, type Labels } from '../config/labels.ts';
import type { Table, TableColumn } from '../text/xlsxTable.ts';

export interface ExportFilter {
  year?: number;
  unit?: string;
}

export type Row = Record<string, unknown>;

export interface ExportColumn extends TableColumn {
  /** The query column, or how the cell is made from the row (and the words for stored codes, data/labels.csv). */
  value: string | ((row: Row, labels: Labels) => unknown);
}

export interface ExportSheet {
  name: string;
  /** What the sheet's CSV file adds to the name given with -o (the first sheet's file is that name). */
  slug: string;
  /** $1 year (NULL: every year); $2 unit_id (NULL: the organisation and its nämnder) when unitFiltered. */
  sql: string;
  unitFiltered: boolean;
  columns: ExportColumn[];
}

const text = (header: string, value: ExportColumn['value']): ExportColumn => ({ header, kind: 'text', value });
const int = (header: string, value: string): ExportColumn => ({ header, kind: 'integer', value });
const share = (header: string, value: string): ExportColumn => ({ header, kind: 'share', value });
const yesNo = (v: unknown) => (v === null || v === undefined ? null : v ? 'ja' : 'nej');

// A sheet's rows are a view of src/sql (export_*) filtered by year and unit, in the view's sheet_order.
// Without --unit an export is the organisation's own (in_scope: stg_org_scope).
const fromExportView = (view: string) =>
  `select * from ${view}
   where ($1::integer is null or year = $1) and (case when $2::varchar is null then in_scope else unit_id = $2 end)
   order by sheet_order`;

export const exportSheets: ExportSheet[] = [
  {
    name: 'Beredskap',
    slug: '',
    unitFiltered: true,
    sql: fromExportView('export_readiness'),
    columns: [
      int('År', 'year'), text('Enhets-id', 'unit_id'), text('Enhet', 'unit_name'), text('Fokusområde', 'fokusomrade'),
      text('Underlag', (r, t) => t('basis', r.basis)),
      int('Poster', 'n_items'), int('Uppfyllda', 'n_met'), int('Delvis', 'n_partial'), int('Ej uppfyllda', 'n_not_met'),
      int('Pågår', 'n_in_progress'), int('Ej svar', 'n_unanswered'), int('Ej aktuella', 'n_not_applicable'), int('Tillämpliga', 'n_applicable'),
      share('Andel uppfyllt', 'share_met'), share('Andel besvarat', 'share_answered'), text('Få poster', (r) => yesNo(r.few_items)),
      int('Krav där källorna säger olika', 'n_disagree'), text('Programversion', 'programme_title'),
    ],
  },
  {
    // One row per unit and year: the counts every page, report and template shows (unit_year_count).
    name: 'Enheter',
    slug: 'enheter',
    unitFiltered: true,
    sql: `select c.* from unit_year_count c
          where c.profile = 'internal' and ($1::integer is null or c.year = $1) and ($2::varchar is null or c.unit_id = $2)
          order by c.year, c.sort_order`,
    columns: [
      int('År', 'year'), text('Enhets-id', 'unit_id'), text('Enhet', 'name'), text('Enheter', (r, t) => t('unit_group', r.unit_group)),
      text('Räknas i årets siffror', (r) => yesNo(r.is_counted)),
      text('Senaste rapport', (r, t) => t('period', r.self_period)), int('Tillämpliga krav', 'n_requirements'), int('Öppna krav', 'n_open'),
      int('Försenade vid periodens slut', 'n_overdue'), int('Nya öppna krav', 'n_new'), int('Åtgärdade krav', 'n_fixed'),
      int('ÖJ-frågor besvarade', 'n_oj_answered'), int('ÖJ-frågor enheten ansvarar för', 'n_oj_responsible'),
      int('ÖJ-brister enheten ansvarar för', 'n_oj_open'), int('Nya ÖJ-brister', 'n_oj_new'), int('ÖJ-frågor med brist', 'n_oj_open_questions'),
      int('ÖJ-brister delade med annan nämnd', 'n_oj_open_shared'),
      int('ÖJ-brister med åtgärd', 'n_oj_with_action'), int('ÖJ-brister utan åtgärd', 'n_oj_without_action'), int('Åtgärder klara', 'n_oj_action_done'),
      int('Tidsfrister på kalendern', 'n_due'), int('Passerade tidsfrister utan beslut', 'n_due_passed'),
      int('Tidsfrister inom 12 månader utan beslut', 'n_due_coming'),
      text('Nämndens bedömning lämnad', (r) => yesNo(r.has_judgement)),
    ],
  },
  {
    // What falls due when, per unit (due_calendar): the current period's deadlines already passed and every
    // one still to come; those due within 12 months are the nämnd page's calendar.
    name: 'Tidsfrister',
    slug: 'tidsfrister',
    unitFiltered: true,
    sql: `select c.year, c.reference_date::varchar as reference_date, c.unit_id, c.name as unit_name, c.rule_title, c.requirement_id, c.requirement_text,
                 c.due_date::varchar as due_date, c.window_start::varchar as window_start, c.due_status,
                 c.decision_date::varchar as decision_date, c.decision_ref, c.months_ahead, c.in_next_12_months, c.on_calendar
          from due_calendar c
          where ((c.is_current and c.due_date < c.reference_date) or c.due_date >= c.reference_date)
            and ($1::integer is null or c.year = $1) and ($2::varchar is null or c.unit_id = $2)
          order by c.year, c.unit_id, c.due_date, c.rule_id`,
    columns: [
      int('År', 'year'), { header: 'Per', kind: 'date', value: 'reference_date' }, text('Enhets-id', 'unit_id'), text('Enhet', 'unit_name'),
      { header: 'Tidsfrist', kind: 'text', width: 50, value: 'rule_title' }, text('Krav', 'requirement_id'), { header: 'Kravtext', kind: 'text', width: 40, value: 'requirement_text' },
      { header: 'Senast', kind: 'date', value: 'due_date' }, { header: 'Perioden från', kind: 'date', value: 'window_start' },
      text('Läge', (r, t) => t('due_status', r.due_status)), { header: 'Beslutsdatum', kind: 'date', value: 'decision_date' },
      text('Diarienummer eller dokument', 'decision_ref'), text('Inom 12 månader', (r) => yesNo(r.in_next_12_months)),
      text('På kalendern', (r) => yesNo(r.on_calendar)),
    ],
  },
  {
    // Every open ÖJ gap a nämnd is responsible for, with its action plan's action or none (oj_action_plan).
    name: 'Åtgärdsplan',
    slug: 'atgardsplan',
    unitFiltered: true,
    sql: `select p.*, u.name as unit_name from oj_action_plan p join org_unit u using (unit_id)
          where ($1::integer is null or p.year = $1) and ($2::varchar is null or p.unit_id = $2)
          order by p.year, p.unit_id, p.indicator_title, p.answering_name`,
    columns: [
      int('År', 'year'), text('Enhets-id', 'unit_id'), text('Nämnd', 'unit_name'), text('Fråga-id', 'indicator_id'),
      { header: 'Fråga', kind: 'text', width: 45, value: 'indicator_title' }, text('Besvarad av', 'answering_name'),
      text('Svar', (r, t) => t('answer', r.answer)), text('Brist', (r, t) => t('gap', r.gap_status)), int('Sedan år', 'since_year'),
      text('Har åtgärd', (r) => yesNo(r.has_action)), { header: 'Åtgärd', kind: 'text', width: 45, value: 'action' },
      text('Ansvarig', 'action_owner'), { header: 'Klart senast', kind: 'date', value: 'due_date' },
      text('Status', (r, t) => t('action_status', r.action_status)), { header: 'Kommentar', kind: 'text', width: 40, value: 'comment' },
    ],
  },
  {
    name: 'Brister',
    slug: 'brister',
    unitFiltered: true,
    sql: fromExportView('export_gap'),
    columns: [
      text('Underlag', (r, t) => t('basis', r.basis)), int('År', 'year'), text('Period', (r, t) => t('period', r.period)),
      text('Årets senaste rapport', (r) => (r.basis === 'self' ? yesNo(r.is_latest_period) : null)),
      text('Enhets-id', 'unit_id'), text('Enhet', 'unit_name'), text('Fokusområde', 'fokusomrade'),
      text('Indikator eller krav', 'item_id'), text('Krav', (r) => (r.basis === 'self' ? r.item_id : null)),
      { header: 'Beskrivning', kind: 'text', width: 50, value: 'item_text' },
      text('Svar eller status', (r, t) => (r.is_missing_row ? 'Saknas i rapporten' : t(r.basis === 'oj' ? 'answer' : 'status', r.status))),
      text('Brist', (r, t) => t('gap', r.gap_status)), int('Sedan år', 'since_year'), text('Sedan period', (r, t) => t('period', r.since_period)),
      text('Besvarad av', 'answered_by'), text('Delas med annan nämnd', (r) => yesNo(r.is_shared)),
      { header: 'Kommentar', kind: 'text', width: 45, value: 'comment' }, { header: 'Åtgärd', kind: 'text', width: 45, value: 'planned_action' },
      text('Ansvarig', 'owner'), { header: 'Klart senast', kind: 'date', value: 'due_date' }, text('Försenad vid periodens slut', (r) => yesNo(r.overdue)),
    ],
  },
  {
    name: 'Måluppfyllelse',
    slug: 'maluppfyllelse',
    unitFiltered: true,
    // The unit's own judgement and the share we compute, side by side and never under one name.
    sql: fromExportView('export_goal'),
    columns: [
      int('År', 'year'), text('Enhets-id', 'unit_id'), text('Nämnd', 'unit_name'), text('Fokusområde', 'fokusomrade'),
      text('Nämndens bedömning', (r, t) => t('attainment', r.judgement) ?? 'Ingen bedömning'),
      { header: 'Motivering', kind: 'text', width: 45, value: 'motivering' },
      share('Mål', 'target_share'), share('Beräknad andel uppfyllt', 'share_met'), int('Tillämpliga poster', 'n_applicable'),
      text('Beräknad måluppfyllelse', (r, t) => t('attainment', r.attainment) ?? 'Inga uppgifter'),
    ],
  },
  {
    // The city against its comparators: not per nämnd, so --unit leaves it whole.
    name: 'Jämförelse',
    slug: 'jamforelse',
    unitFiltered: false,
    sql: `select * from export_comparison where ($1::integer is null or year = $1) order by sheet_order`,
    columns: [
      int('År', 'year'), text('Indikator', 'indicator_id'), text('Område', 'area'), text('Verksamhet', 'verksamhet'), text('Serie', 'series'),
      text('Jämförelse', (r, t) => t('comparison_role', r.role)), text('Enhets-id', 'unit_id'), text('Enhet', 'unit_name'),
      text('Räknat över', (r, t) => t('comparison_unit', r.compared_unit)), text('Kommungruppsindelning', 'kommungrupp_edition'),
      share('Andel Ja', 'share_ja'), int('Svarande', 'n_responding'), int('Enheter', 'n_units'),
      text('Svar', (r, t) => t('answer', r.answer)), share('Publicerad andel Ja', 'share_ja_published'),
    ],
  },
  {
    // With --unit: the files that hold that unit's data (a replaced file holds none any more).
    name: 'Källor',
    slug: 'kallor',
    unitFiltered: true,
    sql: `select s.source_file_id, s.kind, s.file_name, array_to_string(s.years, ', ') as years, s.sha256, s.bytes::double as bytes,
                 s.rows_read, s.rows_stored, strftime(s.imported_at, '%Y-%m-%d %H:%M:%S') as imported_at, s.is_sample, s.superseded_by
          from source_file s
          where ($1::integer is null or list_contains(s.years, $1))
            and ($2::varchar is null
                 or exists (select 1 from oj_answer a where a.source_file_id = s.source_file_id and a.unit_id = $2)
                 or exists (select 1 from self_assessment a where a.source_file_id = s.source_file_id and a.unit_id = $2))
          order by s.source_file_id`,
    columns: [
      int('Källa', 'source_file_id'), text('Slag', (r, t) => t('source_kind', r.kind)), text('Fil', 'file_name'), text('År', 'years'),
      text('sha256', 'sha256'), int('Byte', 'bytes'), int('Rader lästa', 'rows_read'), int('Uppgifter lagrade', 'rows_stored'),
      { header: 'Importerad', kind: 'datetime', value: 'imported_at' }, text('Exempeldata', (r) => yesNo(r.is_sample)), int('Ersatt av källa', 'superseded_by'),
    ],
  },
];

/** Every sheet of the export as a table: Swedish headers, codes as words, numbers left as numbers. */
export async function loadExportTables(db: Database, filter: ExportFilter): Promise<(Table & { slug: string })[]> {
  const tables: (Table & { slug: string })[] = [];
  const labels = await loadLabels(db);
  for (const sheet of exportSheets) {
    const params = sheet.unitFiltered ? [filter.year ?? null, filter.unit ?? null] : [filter.year ?? null];
    const rows = await db.all<Row>(sheet.sql, params);
    tables.push({
      name: sheet.name,
      slug: sheet.slug,
      columns: sheet.columns.map(({ header, kind, width }) => ({ header, kind, width })),
      rows: rows.map((r) => sheet.columns.map((c) => (typeof c.value === 'string' ? r[c.value] : c.value(r, labels)))),
    });
  }
  return tables;
}
