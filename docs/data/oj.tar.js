// ÖJ-svar, the organisation's ÖJ-answering nämnder: areas and cells in catalog order (dash_oj_area,
// dash_oj_verksamhet, dash_indicator), the units and their mergers (dash_oj_unit), per year the cells
// asked (dash_oj_year) and each nämnd's answers and gaps in that order (dash_oj_matrix), how each
// answered (unanswered_share) and the years of series breaks (dash_break_year); first, the city-wide
// shares per year (dash_oj_city_share) and the questions ranked by Nej or no answer (dash_oj_question_rank).
// The answers and the ranking are shown one year at a time, the latest first: data/oj/latest.json holds
// the latest year's and every trend, data/oj/on-demand/earlier.json the earlier years' answers and
// rankings, fetched only when a reader picks an earlier year (see src/bench/pageWeight.ts).
import { runMartArchive } from '../../src/dashboard/martLoader.js';

// The latest year, and the years before it ($1 = $2: that year; $1 = 0: every year before $2), bound.
const questionRank = (q, from, to) => q('select * from dash_oj_question_rank where year between $1 and $2 order by year, rank, indicator_id', [from, to]);
const matrix = (q, from, to) => q('select * from dash_oj_matrix where year between $1 and $2 order by year, unit_id', [from, to]);

await runMartArchive(async (q) => {
  const latest = (await q('select max(year) as year from dash_oj_year'))[0].year ?? 0;
  return [
    ['latest.json', {
      cityShares: await q('select * from dash_oj_city_share order by year'),
      questionRank: await questionRank(q, latest, latest),
      areas: await q('select area, title_sv from dash_oj_area order by sort_order'),
      verksamheter: await q('select verksamhet, title_sv, short_sv from dash_oj_verksamhet order by sort_order'),
      indicators: await q('select indicator_id, area, verksamhet, series, first_year, last_year from dash_indicator order by sort_order'),
      units: await q('select * from dash_oj_unit order by name'),
      years: await q('select * from dash_oj_year order by year'),
      matrix: await matrix(q, latest, latest),
      shares: await q(
        `select year, unit_id, n_cells, n_ja, n_nej, n_delvis, n_pagar, n_ej_aktuellt, n_unanswered, share_ja, share_nej, share_unanswered
         from dash_oj_unanswered order by unit_id, year`,
      ),
      breakYears: (await q('select year from dash_break_year order by year')).map((r) => r.year),
    }],
    ['on-demand/earlier.json', { questionRank: await questionRank(q, 0, latest - 1), matrix: await matrix(q, 0, latest - 1) }],
  ];
}, { columns: true });
