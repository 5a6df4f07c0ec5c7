import {html} from "htl";
import {toCsv} from "./csv.js";

/**
 * An accessible data table with a caption and a CSV download of exactly what it shows.
 * columns: [{key, label, format?(value, row) → string|Node, num?, style?(value,row) → css}]
 * Text from source files goes in through htl, which escapes it.
 */
export function dataTable(rows, {caption, columns, filename = "tabell.csv"}) {
  const csv = toCsv(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c) => r[c.key]))
  );
  const href = URL.createObjectURL(new Blob(["\ufeff" + csv], {type: "text/csv;charset=utf-8"}));
  return html`<div class="table-wrap"><table class="data">
    <caption>${caption}</caption>
    <thead><tr>${columns.map((c) => html`<th scope="col" class=${c.num ? "num" : ""}>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${columns.map((c, i) => {
      const value = c.format ? c.format(r[c.key], r) : r[c.key] ?? "–";
      const cls = [c.num ? "num" : "", c.heat ? "heat" : ""].join(" ").trim();
      return i === 0 && c.rowHeader !== false
        ? html`<th scope="row" class=${cls} style=${c.style ? c.style(r[c.key], r) : ""}>${value}</th>`
        : html`<td class=${cls} style=${c.style ? c.style(r[c.key], r) : ""}>${value}</td>`;
    })}</tr>`)}</tbody>
  </table></div>
  <p><a class="download" href=${href} download=${filename}>Ladda ner tabellen som CSV (${filename})</a></p>`;
}

/**
 * Background for a share 0–1, light to dark blue, with a text colour that keeps WCAG AA contrast.
 * The value itself is always printed in the cell: colour only adds to it.
 */
export function heatStyle(share) {
  if (share === null || share === undefined) return "background:#f2f2f2;color:#222";
  const light = 95 - Math.round(share * 60);
  return `background:hsl(212 60% ${light}%);color:${light < 55 ? "#fff" : "#111"}`;
}
