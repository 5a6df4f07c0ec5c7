import {html} from "htl";
import {dataTable} from "./table.js";
import {percent, number} from "./shared/format.js";

// The city-wide shares of Ja, Nej and unanswered per year (dash_oj_city_share): in words and as the table
// beside cityShareChart.

/** The latest year's shares, against the first year of the same series, and where the line breaks. */
export function cityShareSummary(cityShares, breakYears) {
  const cityLast = cityShares.at(-1);
  const cityFirstOfSegment = cityShares.find((r) => r.segment === cityLast?.segment);
  const breakText = breakYears.length ? `Linjen bryts vid ${breakYears.join(", ")}: då började en ny serie för några frågor, och andelarna före och efter bygger delvis på olika frågor.` : "";
  return cityLast ? html`<p>${cityLast.year} besvarades <strong>${percent(cityLast.share_nej)}</strong> av stadsdelsnämndernas
  ${number(cityLast.n_cells)} frågor med Nej och <strong>${percent(cityLast.share_unanswered)}</strong> inte alls
  (${number(cityLast.n_units)} nämnder)${cityFirstOfSegment && cityFirstOfSegment.year !== cityLast.year ? html`; ${cityFirstOfSegment.segment > 1 ? "när serien började " : ""}${cityFirstOfSegment.year} var det ${percent(cityFirstOfSegment.share_nej)} Nej och ${percent(cityFirstOfSegment.share_unanswered)} obesvarat` : ""}.
  ${breakText}</p>` : html`<p>Inga ÖJ-svar (inga uppgifter).</p>`;
}

export function cityShareTable(cityShares) {
  return dataTable(cityShares.map((r) => ({...r, serie: r.opens_series ? "ny serie från i år" : ""})), {
    caption: "Hela staden: stadsdelsnämndernas ÖJ-svar per år, andel av alla frågor",
    filename: "oj-andel-svar-staden.csv",
    columns: [
      {key: "year", label: "År"},
      {key: "n_units", label: "Nämnder", num: true, format: number},
      {key: "n_cells", label: "Frågor", num: true, format: number},
      {key: "share_ja", label: "Ja", num: true, format: percent},
      {key: "share_nej", label: "Nej", num: true, format: percent},
      {key: "share_unanswered", label: "Obesvarat", num: true, format: percent},
      {key: "serie", label: "Serie"}
    ]
  });
}
