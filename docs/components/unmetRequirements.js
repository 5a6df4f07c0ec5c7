import {html} from "htl";
import {dataTable} from "./table.js";
import {number} from "./shared/format.js";
import {unitGroupLabel} from "./labels.js";
import {yearSpan} from "./yearSpan.js";

/**
 * The requirements most often unmet in a year (dash_leadership_requirement, ranked per unit group: the top
 * five with any unmet), or the years there are self-assessments for. fokusTitle: fokusområde → title.
 */
export function unmetRequirements(requirements, {year, fokusTitle}) {
  const reqRows = requirements
    .filter((r) => r.year === year && r.rank_unmet <= 5 && r.n_unmet > 0)
    .map((r) => ({...r, group_text: unitGroupLabel[r.unit_group], fokus: fokusTitle.get(r.fokusomrade) ?? "–"}));
  return reqRows.length === 0
    ? html`<p>Inga självskattningar för valt år${requirements.length ? ` (finns för ${yearSpan([...new Set(requirements.map((r) => r.year))])})` : ""}.</p>`
    : dataTable(reqRows, {
      caption: `De krav som flest nämnder respektive bolag inte uppfyller ${year} (senaste rapporten under året)`,
      filename: `stadsledning-krav-${year}.csv`,
      columns: [
        {key: "requirement_id", label: "Krav"},
        {key: "text_sv", label: "Kravtext"},
        {key: "fokus", label: "Fokusområde"},
        {key: "group_text", label: "Enheter"},
        {key: "n_unmet", label: "Ej uppfyllt hos", num: true, format: (v, r) => `${number(v)} av ${number(r.n_units)}`},
        {key: "n_partial", label: "varav delvis", num: true, format: number},
        {key: "n_unanswered", label: "varav obesvarat", num: true, format: number}
      ]
    });
}
