import {html} from "htl";
import {dataTable} from "./table.js";
import {number} from "./shared/format.js";
import {unitGroupLabel} from "./labels.js";
import {periodLabel} from "./namndSection.js";

/**
 * Who has reported for the latest period with self-assessments (dash_leadership_reporting, that period
 * first): N of M nämnder and bolag apart, and the units that have not, with their latest report.
 */
export function reportingStatus(reporting) {
  const current = reporting[0];
  const missing = reporting.filter((r) => !r.reported);
  const groupLine = (g) => {
    const r = reporting.find((x) => x.unit_group === g);
    return r ? html`<li>${unitGroupLabel[g]}: ${number(r.n_reported)} av ${number(r.n_expected)} har rapporterat</li>` : "";
  };
  return !current
    ? html`<p>Ingen självskattning är importerad ännu.</p>`
    : html`<p>Senaste period med självskattningar: <strong>${periodLabel[current.period] ?? current.period} ${current.year}</strong>.</p>
    <ul>${groupLine("namnd")}${groupLine("bolag")}</ul>
    ${missing.length === 0 ? html`<p>Alla nämnder och bolag har rapporterat för perioden.</p>` : dataTable(missing, {
      caption: `Har inte rapporterat för ${periodLabel[current.period] ?? current.period} ${current.year}`,
      filename: `ej-rapporterat-${current.year}-${current.period}.csv`,
      columns: [
        {key: "name", label: "Nämnd eller bolag", format: (v, r) => html`<a href="./namnd/${r.unit_id}">${v}</a>`},
        {key: "unit_group", label: "Enheter", format: (v) => unitGroupLabel[v]},
        {key: "last_year", label: "Senaste rapport", format: (v, r) => (v ? `${periodLabel[r.last_period] ?? r.last_period} ${v}` : "aldrig")}
      ]
    })}`;
}
