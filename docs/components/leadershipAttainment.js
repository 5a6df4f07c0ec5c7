import {html} from "htl";
import {dataTable} from "./table.js";
import {number} from "./shared/format.js";
import {attainmentLabel, unitGroupLabel, measureLabel} from "./labels.js";
import {yearSpan} from "./yearSpan.js";

// Stadsledning's måluppfyllelse (dash_leadership_attainment): nämndens bedömning and beräknad
// måluppfyllelse, nämnder and bolag apart, against last year.

/** One sentence per unit group and measure, over all fokusområden ("samtliga"). */
export function attainmentSentences(attainment, year) {
  const attainmentRows = attainment.filter((a) => a.year === year && a.goal === "samtliga");
  const attainmentYears = (measure) => [...new Set(attainment.filter((a) => a.measure === measure && a.has_data).map((a) => a.year))];
  const sentence = (group, measure) => {
    const r = attainmentRows.find((a) => a.unit_group === group && a.measure === measure);
    const noun = group === "namnd" ? ["nämnd", "nämnder"] : ["bolag", "bolag"];
    if (!r || !r.has_data) return html`<li><strong>${measureLabel[measure]}:</strong> inga uppgifter för valt år (finns för ${yearSpan(attainmentYears(measure))}).</li>`;
    return html`<li><strong>${measureLabel[measure]}${r.samtliga_excludes ? ` (${r.goal_title.toLowerCase()})` : ""}:</strong> ${number(r.n_helt)} av ${number(r.n_units)} ${r.n_units === 1 ? noun[0] : noun[1]} helt,
      ${number(r.n_delvis)} delvis, ${number(r.n_ej)} ej${r.n_none ? `, ${number(r.n_none)} ${measure === "bedomning" ? "utan bedömning" : "utan uppgifter"}` : ""}${r.previous_year
      ? ` (${r.previous_year}: ${number(r.previous_n_helt)} av ${number(r.previous_n_units)} helt, ${number(r.previous_n_delvis)} delvis, ${number(r.previous_n_ej)} ej)` : " (inga uppgifter året före)"}.</li>`;
  };
  return html`<p><em>Nämndens bedömning</em> är enhetens egen bedömning i stadens ledningssystem – den siffra staden
  rapporterar. <em>Beräknad måluppfyllelse</em> är andelen uppfyllda krav och ÖJ-frågor, bedömd mot målet. De är två
  olika mått och räknas aldrig ihop; nämnder och bolag räknas var för sig.</p>
  ${["namnd", "bolag"].map((g) => html`<h3>${unitGroupLabel[g]}</h3><ul>${sentence(g, "bedomning")}${sentence(g, "beraknad")}</ul>`)}`;
}

/** Every fokusområde of the year with data, per unit group and measure, in the order loaded. */
export function attainmentTable(attainment, year) {
  const goalRows = attainment
    .filter((a) => a.year === year && a.has_data)
    // loaded nämnder before bolag, nämndens bedömning before the computed, fokusområden in order, samtliga last
    .map((a) => ({...a, group_text: unitGroupLabel[a.unit_group], measure_text: measureLabel[a.measure]}));
  return goalRows.length === 0 ? html`<p>Ingen måluppfyllelse för valt år.</p>` : dataTable(goalRows, {
    caption: `Måluppfyllelse ${year} per fokusområde: antal nämnder respektive bolag, per mått`,
    filename: `stadsledning-maluppfyllelse-${year}.csv`,
    columns: [
      {key: "group_text", label: "Enheter"},
      {key: "measure_text", label: "Mått"},
      {key: "goal_title", label: "Fokusområde"},
      {key: "n_helt", label: attainmentLabel.helt, num: true, format: number},
      {key: "n_delvis", label: attainmentLabel.delvis, num: true, format: number},
      {key: "n_ej", label: attainmentLabel.ej, num: true, format: number},
      {key: "n_none", label: "Utan uppgifter", num: true, format: number},
      {key: "n_units", label: "Antal", num: true, format: number},
      {key: "previous_n_helt", label: "Helt året före", num: true, format: (v, r) => (r.previous_year ? `${number(v)} (${r.previous_year})` : "–")}
    ]
  });
}
