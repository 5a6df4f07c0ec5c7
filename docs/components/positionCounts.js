import * as Plot from "./vendor/plot.js";
import {html} from "htl";
import {dataTable} from "./table.js";
import {accessibleChart} from "./chart.js";
import {diffPoints, percent, number} from "./shared/format.js";
import {positionLabel, comparisonUnitLabel} from "./labels.js";

// Stadsledning's ÖJ section: per comparison group, how many questions the city is above, equal to and
// below (dash_comparison_position_count), and which questions changed position (dash_leadership_changed).

const positions = ["over", "lika", "under", "not_compared"];
const positionText = {...positionLabel, not_compared: "– Ej jämförbar"};

/** The year's counts as stacked bars, one per comparison group, each segment labelled with its count. */
export function positionCountChart(counts, {year, width}) {
  const stacked = counts.flatMap((c) => positions.map((p) => ({
    comparator: c.comparator_name,
    position: positionText[p],
    n: p === "not_compared" ? c.n_not_compared : c[`n_${p}`]
  }))).filter((d) => d.n > 0);
  return accessibleChart(Plot.plot({
    width: Math.min(width, 900),
    height: counts.length * 44 + 60,
    marginLeft: width < 500 ? 100 : 140,
    x: {label: "Antal ÖJ-frågor", grid: true},
    y: {label: null, domain: counts.map((c) => c.comparator_name)},
    color: {domain: positions.map((p) => positionText[p]), range: ["#1a6b2f", "#6b6b6b", "#b00020", "#d9d9d9"], legend: true},
    marks: [
      Plot.barX(stacked, Plot.stackX({y: "comparator", x: "n", fill: "position", order: positions.map((p) => positionText[p])})),
      Plot.text(stacked, Plot.stackX({y: "comparator", x: "n", order: positions.map((p) => positionText[p]), text: (d) => `${d.position.slice(0, 1)}${d.n}`, fill: (d) => (d.position === positionText.not_compared ? "#000" : "#fff"), fontWeight: 600}))
    ]
  }), `Staplat stapeldiagram: antal ÖJ-frågor ${year} där staden ligger över, lika med eller under varje jämförelsegrupp. Samma uppgifter finns i tabellen under.`);
}

export function positionCountTable(counts, year) {
  return dataTable(counts, {
    caption: `Stadens andel Ja (${comparisonUnitLabel.stadsdelsnamnder}) mot jämförelsegrupperna ${year}: antal ÖJ-frågor`,
    filename: `stadsledning-oj-lage-${year}.csv`,
    columns: [
      {key: "comparator_name", label: "Jämförelsegrupp (vad som räknas)", format: (v, r) => `${v} (${comparisonUnitLabel[r.comparator_unit]}${r.kommungrupp_edition ? `, kommungruppsindelning ${r.kommungrupp_edition}` : ""})`},
      {key: "n_over", label: positionLabel.over, num: true, format: number},
      {key: "n_lika", label: positionLabel.lika, num: true, format: number},
      {key: "n_under", label: positionLabel.under, num: true, format: number},
      {key: "n_not_compared", label: "Ej jämförbara", num: true, format: number},
      {key: "n_cells", label: "Frågor", num: true, format: number},
      {key: "n_changed", label: "Bytt läge sedan året före", num: true, format: number}
    ]
  });
}

/** The questions that changed position against one group (its row of the counts), behind a summary. */
export function changedPositions(rows, group, year) {
  const name = group?.comparator_name;
  return rows.length === 0
    ? html`<p>Inga frågor bytte läge mot ${name}.</p>`
    : html`<details><summary>Visa de ${number(rows.length)} ÖJ-frågor som bytte läge mot ${name}</summary>${dataTable(rows, {
      caption: `ÖJ-frågor som bytte läge mot ${name} ${year}`,
      filename: `stadsledning-bytt-lage-${year}.csv`,
      columns: [
        {key: "area_title", label: "Fråga", format: (v, r) => `${v} – ${r.verksamhet_title}`},
        {key: "city_share", label: `Staden, ${comparisonUnitLabel.stadsdelsnamnder}`, num: true, format: percent},
        {key: "share_ja", label: `${name}, ${comparisonUnitLabel[group?.comparator_unit] ?? ""}`, num: true, format: percent},
        {key: "diff_pp", label: "Skillnad (p.e.)", num: true, format: diffPoints},
        {key: "position", label: "Läge", format: (v) => positionLabel[v] ?? "–"},
        {key: "previous_position", label: "Läge året före", format: (v) => positionLabel[v] ?? "–"}
      ]
    })}</details>`;
}
