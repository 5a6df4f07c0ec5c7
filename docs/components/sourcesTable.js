import {dataTable} from "./table.js";
import {number} from "./shared/format.js";

/**
 * The sources in force: per kind of source, how many files, which years and when last imported
 * (source_freshness). kind: the first column, the kind's code with a label (Översikt) or a label
 * already in the rows (Datakvalitet, whose CSV carries the label).
 */
export function sourcesTable(rows, {caption, kind}) {
  return dataTable(rows, {
    caption,
    filename: "kallor.csv",
    columns: [
      {label: "Källa", ...kind},
      {key: "n_files", label: "Filer", num: true, format: number},
      {key: "first_year", label: "Från år"},
      {key: "last_year", label: "Till år"},
      {key: "latest_import", label: "Senast importerad"},
      {key: "any_sample", label: "Exempeldata", format: (v) => (v ? "ja" : "nej")}
    ]
  });
}
