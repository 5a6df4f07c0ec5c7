import {html} from "htl";
import * as Plot from "./vendor/plot.js";
import {accessibleChart} from "./chart.js";
import {seriesBreakMarks} from "./seriesBreaks.js";
import {dataTable} from "./table.js";
import {number, percent} from "./shared/format.js";

/**
 * A nämnd's ÖJ gaps over the years (dash_namnd_oj_gap_trend): the share of the ÖJ cells it is
 * responsible for that are gaps, one line segment per series (never joined across the 2023 break, which a
 * dotted rule marks), with the table of the same rows.
 */
export function ojGapTrend({rows, unitName, width}) {
  const breaks = rows.filter((r) => r.opens_series);
  const years = rows.map((r) => r.year);
  const chart = accessibleChart(Plot.plot({
    width: Math.min(width, 720),
    height: 220,
    marginLeft: 56,
    x: {domain: [Math.min(...years) - 0.5, Math.max(...years) + 0.5], ticks: years, tickFormat: String, label: null},
    y: {domain: [0, 100], percent: true, label: "Andel med brist (%)", grid: true, ticks: 5},
    marks: [
      ...seriesBreakMarks(breaks, {years: [Math.min(...years), Math.max(...years)]}),
      Plot.lineY(rows, {x: "year", y: "share_open", z: "segment", stroke: "#b00020", strokeWidth: 2}),
      Plot.dot(rows, {x: "year", y: "share_open", fill: "#b00020", r: 3, title: (d) => `${d.year}: ${number(d.n_oj_open)} av ${number(d.n_oj_responsible)}`})
    ]
  }), `Linjediagram: andel av ÖJ-frågorna som ${unitName} ansvarar för som har brist, per år; linjen bryts vid nya serier. Samma uppgifter finns i tabellen under.`);
  const table = dataTable(rows, {
    caption: `ÖJ-brister som ${unitName} ansvarar för, per år`,
    filename: "oj-brister-per-ar.csv",
    columns: [
      {key: "year", label: "År"},
      {key: "n_oj_open", label: "Med brist", num: true, format: number},
      {key: "n_oj_responsible", label: "Frågor nämnden ansvarar för", num: true, format: number},
      {key: "share_open", label: "Andel med brist", num: true, format: percent},
      {key: "opens_series", label: "Ny serie", format: (v) => (v ? "ja – jämförs inte med året före" : "")}
    ]
  });
  return html`${chart}${table}`;
}
