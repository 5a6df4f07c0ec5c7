import {html} from "htl";
import {scrollingTable} from "./table.js";
import {capitalize, percent, number} from "./format.js";
import {attainmentLabel, periodLabel, unitKindLabel as kindLabel} from "./labels.js";

/** Kinds of nämnd and self-assessment periods in Swedish (labels.js), for the nämnd pages. */
export {kindLabel, periodLabel};

/** "helt"/"delvis"/"ej" as text and symbol; no attainment as "inga uppgifter". */
export const attainment = (a) => attainmentLabel[a] ?? "inga uppgifter";

/**
 * One nämnd's or bolag's short section of the annual report: an h2 with its name, its share met,
 * target and attainment per fokusområde, and its counts (unit: its row of unit_year_count, the same
 * counts as its own page). Starts a new page when printed. goals: goal_attainment rows of the unit and
 * year. exceptHidden: what a public build's counts leave out, said after them.
 */
export function namndSection({unit, year, goals, fokusomraden, exceptHidden}) {
  const byFokus = new Map(goals.map((g) => [g.fokusomrade, g]));
  const period = unit.self_period ? `${periodLabel[unit.self_period] ?? unit.self_period} ${year}` : null;
  return html`<section class="print-section" aria-labelledby=${`namnd-${unit.unit_id}`}>
    <h2 id=${`namnd-${unit.unit_id}`}>${unit.name}</h2>
    <p>${capitalize(kindLabel[unit.kind] ?? unit.kind)}</p>
    ${scrollingTable(html`<table class="data">
      <caption>Andel uppfyllt och måluppfyllelse per fokusområde ${year}</caption>
      <thead><tr><th scope="col">Fokusområde</th><th scope="col" class="num">Andel uppfyllt</th><th scope="col" class="num">Mål</th><th scope="col">Måluppfyllelse</th></tr></thead>
      <tbody>${fokusomraden.map((f) => {
        const g = byFokus.get(f.fokusomrade);
        return html`<tr><th scope="row">${f.title_sv}</th><td class="num">${percent(g?.share_met)}</td><td class="num">${percent(g?.target_share)}</td><td>${attainment(g?.attainment)}</td></tr>`;
      })}</tbody>
    </table>`, `${unit.name}: andel uppfyllt och måluppfyllelse per fokusområde ${year}`)}
    <ul class="namnd-gaps">
      <li>Öppna krav i självskattningen${exceptHidden}: ${period
        ? html`<strong>${number(unit.n_open)}</strong> av ${number(unit.n_requirements)} (${period}), varav <span class=${unit.n_overdue ? "overdue" : ""}>${number(unit.n_overdue)} försenade vid periodens slut</span>`
        : html`inga uppgifter (ingen självskattning ${year})`}</li>
      <li>ÖJ-frågor med brist som ${unit.unit_group === "bolag" ? "bolaget" : "nämnden"} ansvarar för: ${unit.n_oj_open !== null
        ? html`<strong>${number(unit.n_oj_open)}</strong>, varav ${number(unit.n_oj_new)} nya ${year}${unit.n_oj_open_shared ? `, ${number(unit.n_oj_open_shared)} delade med annan nämnd` : ""}`
        : unit.n_oj_answered > 0 ? html`inga (en annan nämnd ansvarar för frågorna)` : unit.unit_group === "bolag" ? html`bolaget besvarar inte ÖJ-enkäten` : html`inga ÖJ-frågor ${year}`}</li>
    </ul>
  </section>`;
}
