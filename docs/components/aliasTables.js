import {html} from "htl";
import {dataTable, fileNameColumn} from "./table.js";
import {number} from "./shared/format.js";

// Unit names read through an alias (alias_used): per file, and the spellings themselves, searched and
// read a page at a time, never laid out whole (thousands of rows on a phone).

export function aliasFilesTable(rows) {
  return dataTable(rows, {
    caption: `Filer där enhetsnamn tolkats via alias (${number(rows.length)})`,
    filename: "alias-per-fil.csv",
    columns: [
      fileNameColumn,
      {key: "n_spellings", label: "Stavningar", num: true, format: number},
      {key: "n_units", label: "Enheter", num: true, format: number},
      {key: "n_rows", label: "Uppgifter", num: true, format: number}
    ]
  });
}

/** The spellings whose text, unit or file contains the search (all when it is empty). */
export function aliasMatches(rows, search) {
  const needle = search.trim().toLowerCase();
  return needle ? rows.filter((a) => [a.unit_text, a.unit_name, a.file_name].some((t) => t.toLowerCase().includes(needle))) : rows;
}

/** One page of the matching spellings. */
export function aliasUsedTable({matches, search, page, pages, pageSize}) {
  const needle = search.trim();
  return matches.length === 0
    ? html`<p>Inga stavningar${needle ? ` som innehåller ”${needle}”` : ""}.</p>`
    : dataTable(matches.slice(page * pageSize, (page + 1) * pageSize), {
        caption: `Enhetsnamn tolkade via alias: ${number(matches.length)} stavningar${needle ? ` som innehåller ”${needle}”` : ""}, sida ${page + 1} av ${pages}`,
        filename: "alias-anvanda.csv",
        columns: [
          fileNameColumn,
          {key: "unit_text", label: "Stavning i filen"},
          {key: "unit_name", label: "Tolkad som"},
          {key: "n_rows", label: "Uppgifter", num: true, format: number}
        ]
      });
}
