import {html} from "htl";
import {dataTable, fileNameColumn} from "./table.js";
import {number} from "./shared/format.js";
import {sourceKindLabel} from "./labels.js";

const nowrap = (v) => html`<span style="white-space:nowrap">${v}</span>`;

/** Every file ever imported (dash_quality_file), with its checksum and, when replaced, the file that replaced it. */
export function importedFilesTable(files) {
  return dataTable(files.map((f) => ({...f, kind_label: sourceKindLabel[f.kind] ?? f.kind, years_text: f.years.join(", ")})), {
    caption: "Importerade filer",
    filename: "importerade-filer.csv",
    columns: [
      fileNameColumn,
      {key: "kind_label", label: "Slag"},
      {key: "years_text", label: "År"},
      {key: "sha256_prefix", label: "sha256 (början)", format: (v) => html`<code>${v}</code>`},
      {key: "rows_read", label: "Rader lästa", num: true, format: number},
      {key: "rows_stored", label: "Uppgifter lagrade", num: true, format: number},
      {key: "imported_at", label: "Importerad", format: nowrap},
      {key: "is_sample", label: "Exempeldata", format: (v) => (v ? "ja" : "nej")},
      {key: "superseded_by_name", label: "Ersatt av", format: (v) => v ?? "–"}
    ]
  });
}
