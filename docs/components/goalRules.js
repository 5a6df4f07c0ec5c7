import {html} from "htl";
import {percent, number} from "./shared/format.js";

const pp = new Intl.NumberFormat("sv-SE", {maximumFractionDigits: 1});
const rule = (t) =>
  `helt vid minst ${percent(t.target_share)}, delvis vid minst ${percent(t.delvis_from)} (högst ${pp.format(t.delvis_within_pp)} procentenheter under målet), annars ej`;

/**
 * How beräknad måluppfyllelse is graded, in words, with the year's targets and margins as the view
 * applied them (rows of dash_goal_threshold of the year, the most common one per fokusområde first):
 * one sentence when they are the same everywhere, else one line per fokusområde.
 */
export function goalRules({thresholds, fokusomraden, year}) {
  const ruleTexts = fokusomraden.map((f) => ({fokus: f.title_sv, ts: thresholds.filter((t) => t.fokusomrade === f.fokusomrade)}));
  const sameEverywhere = ruleTexts.every(({ts}) => ts.length === 1 && rule(ts[0]) === rule(ruleTexts[0].ts[0]));
  return html`<p>Varje nämnd bedöms per fokusområde mot målet för året. <strong>Helt</strong>: utfallet är minst målet.
  <strong>Delvis</strong>: utfallet är under målet men högst så många procentenheter under som marginalen anger.
  <strong>Ej</strong>: längre under. Saknas utfall (inga tillämpliga krav) eller mål blir det <em>inga uppgifter</em>.
  För nämnden som helhet gör ett enda <em>ej</em> nämnden till ej, annars gör ett enda <em>delvis</em> den till delvis.</p>
  ${sameEverywhere
    ? html`<p>Mål och marginal ${year}, lika för alla fokusområden och nämnder: ${rule(ruleTexts[0].ts[0])}.</p>`
    : html`<p>Mål och marginal ${year}:</p><ul>${ruleTexts.map(({fokus, ts}) => html`<li><strong>${fokus}</strong>: ${ts.length === 0 ? "inget mål" : rule(ts[0])}${ts.length > 1
      ? ` (${ts.slice(1).map((t) => `${number(t.n_namnder)} ${t.n_namnder === 1 ? "enhet" : "enheter"} med eget mål: ${rule(t)}`).join("; ")})` : ""}.</li>`)}</ul>`}`;
}
