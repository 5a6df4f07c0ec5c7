import {html} from "htl";
import {dataTable} from "./table.js";
import {percent, number} from "./shared/format.js";
import {attainmentLabel, basisLabel, unitGroupLabel, findingLabel, statusLabel} from "./labels.js";

const detail = (r) => r.kind === "bedomning"
  ? `bedömning ${attainmentLabel[r.judgement] ?? r.judgement}, beräknad ${attainmentLabel[r.attainment] ?? "–"} (andel uppfyllt ${percent(r.share_met)})`
  : `${statusLabel[r.self_status] ?? r.self_status}; ÖJ Nej i ${number(r.n_oj_nej)} av ${number(r.n_oj_cells)} frågor${r.oj_nej_titles ? ` (${r.oj_nej_titles})` : ""}; räknas enligt ${(basisLabel[r.decided_by] ?? "–").toLowerCase()}, den senast daterade uppgiften`;

/**
 * A year's consistency flags (dash_leadership_consistency): self-assessment against ÖJ, and nämndens
 * bedömning against beräknad måluppfyllelse, explained and listed behind a summary.
 * fokusTitle: fokusområde → title.
 */
export function consistencyFlags(consistency, {year, fokusTitle}) {
  const flags = consistency
    .filter((c) => c.year === year)
    .map((c) => ({...c, finding_text: findingLabel[c.finding] ?? c.finding, fokus: fokusTitle.get(c.fokusomrade) ?? "–", group_text: unitGroupLabel[c.unit_group]}));
  return flags.length === 0
    ? html`<p>Inga motsägelser för valt år.</p>`
    : html`<p>En motsägelse är en flagga att fråga enheten om, inte ett fel i sig: självskattningen säger uppfyllt medan ÖJ-svaret visar brist (eller tvärtom) – då räknas kravet enligt den senast daterade uppgiften, oftast verksamhetsberättelsen – eller nämndens bedömning är högre eller lägre än den beräknade måluppfyllelsen.</p>
  <details><summary>Visa de ${number(flags.length)} motsägelserna ${year}</summary>${dataTable(flags, {
    caption: `Motsägelser ${year}: självskattning mot ÖJ-svar, och nämndens bedömning mot beräknad måluppfyllelse`,
    filename: `stadsledning-motsagelser-${year}.csv`,
    columns: [
      {key: "name", label: "Nämnd eller bolag", format: (v, r) => html`<a href="./namnd/${r.unit_id}">${v}</a>`},
      {key: "group_text", label: "Enheter"},
      {key: "finding_text", label: "Motsägelse"},
      {key: "fokus", label: "Fokusområde"},
      {key: "requirement_id", label: "Krav", format: (v) => v ?? "–"},
      {key: "detail", label: "Uppgifter", format: (v, r) => detail(r)}
    ]
  })}</details>`;
}
