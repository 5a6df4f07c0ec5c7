import {html} from "htl";
import {dataTable} from "./table.js";
import {number} from "./shared/format.js";
import {answerLabel, sourceCheckLabel} from "./labels.js";

// The ÖJ workbooks' answers against Kolada's (dash_quality_source_check, …_differs).

/** Per year, how many questions agree, differ or are in one source only; or that Kolada is not fetched. */
export function sourceCheckTable(summary) {
  return summary.length === 0
    ? html`<p><strong>Inga Kolada-värden hämtade ännu</strong>: kontrollen visas när <code>pull kolada</code> har körts.</p>`
    : dataTable(summary, {
        caption: "Excelfil mot Kolada per år",
        filename: "excelfil-mot-kolada.csv",
        columns: [
          {key: "year", label: "År"},
          {key: "comparison", label: "Utfall", format: (v) => sourceCheckLabel[v]},
          {key: "n", label: "Frågor", num: true, format: number}
        ]
      });
}

/** The questions where they differ. */
export function sourceDiffersTable(rows) {
  return dataTable(rows, {
    caption: `Frågor där Excelfilen och Kolada skiljer sig (${number(rows.length)})`,
    filename: "excelfil-kolada-skillnader.csv",
    columns: [
      {key: "year", label: "År"},
      {key: "name", label: "Kommun"},
      {key: "indicator_title", label: "Fråga"},
      {key: "workbook_answer", label: "Excelfilen", format: (v) => answerLabel[v] ?? v ?? "–"},
      {key: "kolada_answer", label: "Kolada", format: (v) => answerLabel[v] ?? v ?? "–"},
      {key: "kolada_status", label: "Koladas flagga"}
    ]
  });
}
