import {html} from "htl";
import {capitalize, percent, number, date} from "./format.js";
import {attainmentLabel, periodLabel, unitKindLabel as kindLabel} from "./labels.js";

/** Kinds of nämnd and self-assessment periods in Swedish (labels.js), for the nämnd pages. */
export {kindLabel, periodLabel};

/** "helt"/"delvis"/"ej" as text and symbol; no attainment as "inga uppgifter". */
export const attainment = (a) => attainmentLabel[a] ?? "inga uppgifter";

/**
 * One nämnd's short section of the annual report: an h2 with its name, its share met, target and
 * attainment per fokusområde, and its counts of open gaps. Starts a new page when printed.
 * goals: goal_attainment rows of the nämnd and year; self: {period, n_open, n_overdue} or undefined;
 * oj: {n_open, n_new} or undefined (the nämnd did not answer ÖJ that year).
 */
export function namndSection({namnd, year, goals, self, oj, fokusomraden}) {
  const byFokus = new Map(goals.map((g) => [g.fokusomrade, g]));
  return html`<section class="print-section" aria-labelledby=${`namnd-${namnd.unit_id}`}>
    <h2 id=${`namnd-${namnd.unit_id}`}>${namnd.name}</h2>
    <p>${capitalize(kindLabel[namnd.kind] ?? namnd.kind)}${namnd.valid_to ? `, upphörd ${date(namnd.valid_to)}` : ""}</p>
    <div class="table-wrap" tabindex="0" role="region" aria-label=${`${namnd.name}: andel uppfyllt och måluppfyllnad per fokusområde ${year}`}><table class="data">
      <caption>Andel uppfyllt och måluppfyllnad per fokusområde ${year}</caption>
      <thead><tr><th scope="col">Fokusområde</th><th scope="col" class="num">Andel uppfyllt</th><th scope="col" class="num">Mål</th><th scope="col">Måluppfyllnad</th></tr></thead>
      <tbody>${fokusomraden.map((f) => {
        const g = byFokus.get(f.fokusomrade);
        return html`<tr><th scope="row">${f.title_sv}</th><td class="num">${percent(g?.share_met)}</td><td class="num">${percent(g?.target_share)}</td><td>${attainment(g?.attainment)}</td></tr>`;
      })}</tbody>
    </table></div>
    <ul class="namnd-gaps">
      <li>Öppna brister i självskattningen: ${self
        ? html`<strong>${number(self.n_open)}</strong> (${periodLabel[self.period] ?? self.period} ${year})${self.n_overdue ? html`, varav <span class="overdue">${number(self.n_overdue)} försenade vid periodens slut</span>` : ""}`
        : html`inga uppgifter (ingen självskattning ${year})`}</li>
      <li>ÖJ-frågor med brist: ${oj
        ? html`<strong>${number(oj.n_open)}</strong>, varav ${number(oj.n_new)} nya ${year}`
        : namnd.kind === "stadsdelsnamnd" ? html`inga uppgifter ${year}` : html`nämnden besvarar inte ÖJ-enkäten`}</li>
    </ul>
  </section>`;
}
