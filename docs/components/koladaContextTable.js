import {html} from "htl";
import {dataTable} from "./table.js";
import {number} from "./shared/format.js";

/** Kolada's key figures for the city and the kommuner it is compared with (kolada_context), or that none are fetched. */
export function koladaContextTable(context) {
  return context.length === 0
    ? html`<p><strong>Inga Kolada-värden hämtade ännu</strong> (inga uppgifter).</p>`
    : dataTable(context, {
        caption: "Nyckeltal ur Kolada per kommun och år",
        filename: "kolada-sammanhang.csv",
        columns: [
          {key: "title_sv", label: "Nyckeltal"},
          {key: "name", label: "Kommun"},
          {key: "year", label: "År"},
          {key: "value", label: "Värde", num: true, format: (v, r) => (v === null ? `inga uppgifter${r.status ? ` (${r.status})` : ""}` : number(v))}
        ]
      });
}
