import {dataTable} from "./table.js";
import {number} from "./shared/format.js";
import {unitKindLabel} from "./labels.js";

/** Units on ÖJ's measure date of an imported year without a single answer that year (unit_without_answers). */
export function unitsWithoutAnswersTable(units) {
  return dataTable(units.map((u) => ({...u, kind_label: unitKindLabel[u.kind] ?? u.kind})), {
    caption: `Enheter utan ÖJ-svar (${number(units.length)})`,
    filename: "enheter-utan-svar.csv",
    columns: [
      {key: "year", label: "År"},
      {key: "name", label: "Enhet"},
      {key: "kind_label", label: "Slag"}
    ]
  });
}
