import {html} from "htl";
import {toCsv} from "./shared/csv.js";
import {scrollingTable} from "./table.js";
import {answerLabel} from "./labels.js";
import {number} from "./shared/format.js";
import {collapsible} from "./collapsible.js";

/**
 * ÖJ answer colours: dark text on a light background (contrast above 7:1, WCAG AA and AAA). The answer
 * is always written in the cell as text and symbol; the colour only adds to it.
 */
export const answerColors = {
  ja: {background: "#e2f1df", color: "#143f19"},
  nej: {background: "#fbdfdc", color: "#6b0f0a"},
  delvis: {background: "#fdebd0", color: "#4f2f00"},
  pagar: {background: "#e4ebf7", color: "#1b3463"},
  ej_aktuellt: {background: "#eeeeee", color: "#333333"},
  ej_svar: {background: "#fff5bf", color: "#453600"}
};

export function answerStyle(answer) {
  const c = answerColors[answer];
  return c ? `background:${c.background};color:${c.color}` : "background:#ffffff;color:#333333";
}

/** The answer as text and symbol; a cell with no stored answer says so ("inga uppgifter"), never Nej. */
export const answerText = (answer) => (answer ? answerLabel[answer] ?? answer : "inga uppgifter");

/**
 * Matrix unit × ÖJ cell: one header row of areas (column groups) over one of verksamheter (short title,
 * full title on hover), each cell the answer as text and symbol, and a CSV download of the same.
 * rows: [{name, answers: [answer per column]}]; columns: [{area, areaTitle, short, title}].
 */
export function ojMatrix(rows, columns, {caption, filename = "oj-svar.csv", rowLabel = "Stadsdelsnämnd"}) {
  const groups = [];
  columns.forEach((c, i) => {
    const last = groups.at(-1);
    if (last && last.area === c.area) last.span++;
    else groups.push({area: c.area, title: c.areaTitle, span: 1, start: i});
  });
  const starts = new Set(groups.map((g) => g.start));
  const edge = (i) => (starts.has(i) ? "border-left:2px solid #555;" : "");
  const csv = toCsv(
    [rowLabel, ...columns.map((c) => `${c.areaTitle} – ${c.title}`)],
    rows.map((r) => [r.name, ...r.answers.map((a) => (a ? answerText(a).slice(2) : "inga uppgifter"))])
  );
  const href = URL.createObjectURL(new Blob(["\ufeff" + csv], {type: "text/csv;charset=utf-8"}));
  const sticky = "position:sticky;left:0;z-index:1;background:#fff;";
  // the wrapper scrolls sideways: focusable and named, so it can be scrolled with the keyboard
  return html`${scrollingTable(html`<table class="data oj-matrix" style="font-size:0.8rem">
    <caption>${caption}</caption>
    ${groups.map((g) => html`<colgroup span=${g.span}></colgroup>`)}
    <thead>
      <tr>
        <th scope="col" rowspan="2" style=${sticky + "vertical-align:bottom"}>${rowLabel}</th>
        ${groups.map((g) => html`<th scope="colgroup" colspan=${g.span} style=${edge(g.start) + "text-align:left;background:#f4f4f4"}>${g.title}</th>`)}
      </tr>
      <tr>${columns.map((c, i) => html`<th scope="col" title=${c.title} style=${edge(i) + "min-width:4.6rem;font-weight:600;vertical-align:bottom"}>${c.short}</th>`)}</tr>
    </thead>
    <tbody>${rows.map((r) => html`<tr>
      <th scope="row" style=${sticky + "white-space:nowrap"}>${r.name}</th>
      ${r.answers.map((a, i) => html`<td class="answer" style=${edge(i) + answerStyle(a) + ";white-space:normal"}>${answerText(a)}</td>`)}
    </tr>`)}</tbody>
  </table>`, caption)}
  <p><a class="download" href=${href} download=${filename}>Ladda ner matrisen som CSV (${filename})</a></p>`;
}

/** Legend for the answers: symbol, text and the colour used in the matrix. */
export function answerLegend() {
  return html`<ul class="answer-legend" aria-label="Teckenförklaring" style="list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:0.5rem">
    ${Object.keys(answerColors).map((a) => html`<li style=${answerStyle(a) + ";padding:0.1rem 0.5rem;border:1px solid #999"}>${answerText(a)}</li>`)}
  </ul>`;
}

/**
 * ÖJ-svar's matrix of a year on request: the legend and the matrix of the columns of one area (or all),
 * behind a summary saying how many nämnder and questions it holds. columns: [{area, …}] of the year.
 */
export function ojMatrixOnRequest({rows, columns, area, year}) {
  const shown = columns.map((c, i) => [c, i]).filter(([c]) => area === "alla" || c.area === area);
  return collapsible(`Visa matrisen: ${number(rows.length)} stadsdelsnämnder × ${number(shown.length)} frågor ${year}`, html`${answerLegend()}${ojMatrix(
    rows.map((r) => ({name: r.name, answers: shown.map(([, i]) => r.answers[i])})),
    shown.map(([c]) => c),
    {
      caption: `ÖJ-svar ${year}: ${number(rows.length)} stadsdelsnämnder × ${number(shown.length)} frågor (område × verksamhet)`,
      filename: `oj-svar-${year}${area === "alla" ? "" : `-${area}`}.csv`
    }
  )}`);
}
