import {html} from "htl";
import {date} from "./shared/format.js";
import {kindLabel} from "./namndSection.js";
import {listOf} from "./namndPage.js";

/** A unit's name, linked to its page when it has one (withPage: the unit ids with a page). */
export const unitLink = (u, withPage) => (withPage.has(u.unit_id) ? html`<a href="./${u.unit_id}">${u.name}</a>` : u.name);

/** What kind of unit it is, since and until when, and which units it was formed of or merged into. */
export function namndIntro({unit, predecessors, successors, withPage}) {
  const isBolag = unit.unit_group === "bolag";
  const kindText = isBolag ? `bolag${unit.kind === "bolag" ? "" : ` (${kindLabel[unit.kind] ?? unit.kind})`}` : kindLabel[unit.kind] ?? unit.kind;
  const link = (u) => unitLink(u, withPage);
  return html`<p>${kindText[0].toUpperCase() + kindText.slice(1)}${unit.valid_from ? `, från ${date(unit.valid_from)}` : ""}${unit.valid_to ? html`, <strong>upphörd</strong> ${date(unit.valid_to)}` : ""}.
  ${predecessors.length ? html`Bildad av ${listOf(predecessors.map(link))} ${date(predecessors[0].change_date)}.` : ""}
  ${successors.length ? html`Uppgick i ${listOf(successors.map(link))} ${date(successors[0].change_date)}.` : ""}
  Alla nämnder och bolag finns under <a href="../namnder">Nämnder</a>.</p>`;
}
