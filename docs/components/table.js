import {html} from "htl";
import {toCsv} from "./shared/csv.js";
import {scrollHintText, watchScrollHint} from "./shared/scrollHint.js";

/**
 * An accessible data table with a caption and a CSV download of exactly what it shows.
 * columns: [{key, label, format?(value, row) → string|Node, num?, style?(value,row) → css}]
 * Text from source files goes in through htl, which escapes it.
 */
export function dataTable(rows, {caption, columns, filename = "tabell.csv"}) {
  const csv = toCsv(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c) => r[c.key])),
    ";",
    {bom: true, decimalSeparator: ","}
  );
  const href = URL.createObjectURL(new Blob([csv], {type: "text/csv;charset=utf-8"}));
  return html`${scrollingTable(html`<table class="data">
    <caption>${caption}</caption>
    <thead><tr>${columns.map((c) => html`<th scope="col" class=${c.num ? "num" : ""}>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${columns.map((c, i) => {
      const value = c.format ? c.format(r[c.key], r) : r[c.key] ?? "–";
      const cls = [c.num ? "num" : "", c.heat ? "heat" : ""].join(" ").trim();
      return i === 0 && c.rowHeader !== false
        ? html`<th scope="row" class=${cls} style=${c.style ? c.style(r[c.key], r) : ""}>${value}</th>`
        : html`<td class=${cls} style=${c.style ? c.style(r[c.key], r) : ""}>${value}</td>`;
    })}</tr>`)}</tbody>
  </table>`, caption)}
  <p><a class="download" href=${href} download=${filename}>Ladda ner tabellen som CSV (${filename})</a></p>`;
}

/**
 * A table in a box that scrolls sideways when the table is wider than the page: the box is focusable, so
 * the keyboard scrolls it, and while there is more to see a line under it says so (scrollHint.js).
 */
export function scrollingTable(table, label, {style = ""} = {}) {
  const hint = html`<p class="scroll-hint" hidden>${scrollHintText}</p>`;
  const wrap = html`<div class="table-wrap" tabindex="0" role="region" aria-label=${label} style=${style}>${table}</div>`;
  watchScrollHint(wrap, hint);
  return html`${wrap}${hint}`;
}

/**
 * Background for a share 0–1, light to dark blue, with black or white text, whichever contrasts more
 * (WCAG relative luminance): the value itself is always printed in the cell, colour only adds to it.
 */
export function heatStyle(share) {
  if (share === null || share === undefined) return "background:#f2f2f2;color:#222";
  const [r, g, b] = [235 - 200 * share, 242 - 160 * share, 250 - 110 * share].map(Math.round);
  const luminance = [r, g, b]
    .map((c) => c / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const text = (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000" : "#fff";
  return `background:rgb(${r} ${g} ${b});color:${text}`;
}

/** A file-name column: a long name wraps anywhere, since a first column wider than a phone stops staying in view as the table scrolls. */
export const fileNameColumn = {key: "file_name", label: "Fil", style: () => "max-width:12rem;overflow-wrap:anywhere"};
