import {html} from "htl";
import {dataTable} from "./table.js";
import {diffPoints, percent} from "./shared/format.js";
import {positionLabel, comparisonUnitLabel} from "./labels.js";

/**
 * Jämförelse's table beside its charts: per ÖJ question the city's and the comparator's share Ja, the
 * difference, the position this year and the year before (or why not compared), and with showSingles
 * each single kommun's own answer. rows: comparisonRows(…).
 */
export function comparisonTable({rows, singles, showSingles, cityHeading, comparatorHeading, comparatorId, comparatorEdition, year}) {
  return dataTable(rows, {
    caption: `${cityHeading} mot ${comparatorHeading} ${year}, per ÖJ-fråga${comparatorEdition ? ` (${comparatorEdition.title_sv})` : ""}`,
    filename: `jamforelse-${year}-${comparatorId}.csv`,
    columns: [
      {key: "verksamhet_title", label: "Fråga", format: (v, r) => `${r.area_title} – ${v}`},
      {key: "city_share", label: cityHeading, num: true, format: percent},
      {key: "share_ja", label: comparatorHeading, num: true, format: percent},
      {key: "diff_pp", label: "Skillnad (p.e.)", num: true, format: diffPoints},
      {key: "position", label: "Läge", format: (v) => html`<span class="answer">${positionLabel[v] ?? "ej jämförbar"}</span>`},
      {key: "previous_position", label: "Läge året före", format: (v, r) => (r.first_year === year ? "ny serie" : r.regrouped ? "ny indelning" : positionLabel[v] ?? "–")},
      ...(showSingles ? singles.map((s) => ({key: s.comparator_id, label: `${s.comparator_name}, ${comparisonUnitLabel[s.comparator_unit]}`, num: true, format: (v) => (v === null || v === undefined ? "inget svar" : v === 1 ? "Ja" : v === 0 ? "ej Ja" : percent(v))})) : [])
    ]
  });
}
