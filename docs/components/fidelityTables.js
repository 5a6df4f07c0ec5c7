import {html} from "htl";
import {dataTable, fileNameColumn} from "./table.js";
import {capitalize, percent, number} from "./shared/format.js";
import {unitKindLabel} from "./labels.js";

// Whether the shares an ÖJ file publishes can be recomputed from the same file's kommun rows
// (dash_quality_fidelity…): per file and level, and the shares that differ or are missing.
const levelLabel = (level) => capitalize(unitKindLabel[level] ?? level);
const ppFormat = new Intl.NumberFormat("sv-SE", {maximumFractionDigits: 2});
const pp = (v) => (v === null || v === undefined ? "inga uppgifter" : `${ppFormat.format(v)}\u00a0p.e.`);

export function fidelitySummaryTable(rows) {
  return dataTable(rows.map((r) => ({...r, level_label: levelLabel(r.level)})), {
    caption: "Kontroll av publicerade andelar per fil och nivå",
    filename: "kontroll-publicerade-andelar.csv",
    columns: [
      fileNameColumn,
      {key: "year", label: "År"},
      {key: "level_label", label: "Nivå"},
      {key: "n_rows", label: "Andelar", num: true, format: number},
      {key: "n_ok", label: "✔ Stämmer", num: true, format: number},
      {key: "n_not_ok", label: "✖ Avviker", num: true, format: number},
      {key: "n_no_published", label: "– Ingen publicerad andel", num: true, format: number},
      {key: "max_abs_diff_pp", label: "Största skillnad", num: true, format: pp}
    ]
  });
}

/** How many of the listed shares differ and how many are missing, or that all agree. */
export function fidelityNotOkNote(rows) {
  return rows.length === 0 ? html`<p>Alla publicerade andelar stämmer med de omräknade.</p>` : html`<p>${number(rows.filter((r) => r.ok === false).length)} andelar avviker och ${number(rows.filter((r) => r.ok === null).length)} saknar publicerad andel i filen (till exempel när ingen kommun i gruppen har svarat Ja, Nej, Delvis eller Pågår).</p>`;
}

/** indicators: dash_indicator's rows, to name each question. */
export function fidelityNotOkTable(rows, indicators) {
  const indicatorTitle = new Map(indicators.map((i) => [i.indicator_id, `${i.area_title} – ${i.verksamhet_title}`]));
  return dataTable(rows.map((r) => ({
    ...r,
    status: r.ok === false ? "✖ Avviker" : "– Ingen publicerad andel",
    level_label: levelLabel(r.level),
    fraga: indicatorTitle.get(r.indicator_id) ?? r.indicator_id
  })), {
    caption: "Publicerade andelar som avviker från de omräknade, eller saknas",
    filename: "kontroll-avvikelser.csv",
    columns: [
      fileNameColumn,
      {key: "unit_name", label: "Enhet"},
      {key: "fraga", label: "Fråga"},
      {key: "status", label: "Resultat"},
      {key: "share_published", label: "Publicerad", num: true, format: percent},
      {key: "share_recomputed", label: "Omräknad", num: true, format: percent},
      {key: "diff_pp", label: "Skillnad", num: true, format: pp},
      {key: "n_responding", label: "Svarande (omräknat)", num: true, format: number},
      {key: "n_published", label: "Svarande (i cellen)", num: true, format: number},
      {key: "n_respondents_row", label: "Svarande (radens kolumn)", num: true, format: number}
    ]
  });
}
