import {html} from "htl";
import {dataTable} from "./table.js";
import {number} from "./shared/format.js";
import {unitGroupLabel} from "./labels.js";

/**
 * Beräknad måluppfyllelse for the city in one year: how many nämnder and, apart, bolag are helt, delvis
 * and ej per fokusområde (rows of goal_attainment_city, in the order loaded).
 */
export function cityGoalTable(rows, year) {
  return dataTable(rows, {
    caption: `Beräknad måluppfyllelse ${year}: antal nämnder och bolag (var för sig) per fokusområde`,
    filename: `maluppfyllelse-stad-${year}.csv`,
    columns: [
      {key: "unit_group", label: "Enheter", format: (v) => unitGroupLabel[v]},
      {key: "goal_title", label: "Fokusområde"},
      {key: "n_helt", label: "Helt", num: true, format: number},
      {key: "n_delvis", label: "Delvis", num: true, format: number},
      {key: "n_ej", label: "Ej", num: true, format: number},
      {key: "n_inga_uppgifter", label: "Inga uppgifter", num: true, format: number},
      {key: "n_units", label: "Antal", num: true, format: number}
    ]
  });
}

/** One unit group's card: its number of units and their beräknad måluppfyllelse over all fokusområden ("samtliga"). */
export function cityGoalCard(rows, group, year) {
  const o = rows.find((g) => g.fokusomrade === "samtliga" && g.unit_group === group);
  return html`<div class="card"><h2>${unitGroupLabel[group]} ${year}</h2><span class="big">${number(o?.n_units)}</span>
    <p>Beräknad måluppfyllelse${o?.samtliga_excludes ? ` (${o.goal_title.toLowerCase()})` : ""}: ${number(o?.n_helt)} helt, ${number(o?.n_delvis)} delvis, ${number(o?.n_ej)} ej${o?.n_inga_uppgifter ? `, ${number(o.n_inga_uppgifter)} inga uppgifter` : ""}</p></div>`;
}
