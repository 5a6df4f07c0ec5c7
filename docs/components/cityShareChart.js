import * as Plot from "./vendor/plot.js";
import {percent, percentTick} from "./shared/format.js";
import {accessibleChart} from "./chart.js";

const measures = [
  {key: "share_ja", label: "Ja", color: "#1a6b2a", symbol: "circle"},
  {key: "share_nej", label: "Nej", color: "#b3261e", symbol: "times"},
  {key: "share_unanswered", label: "Obesvarat", color: "#5b3c99", symbol: "diamond"}
];

/**
 * The city-wide shares of Ja, Nej and unanswered per year (rows of dash_oj_city_share) as lines that
 * stop at every series break: a line is drawn only within one segment, and a dashed rule with a label
 * marks each break year. Symbols and the legend carry the answer as well as colour.
 */
export function cityShareChart(rows, {breakYears, width}) {
  const long = rows.flatMap((r) => measures.map((m) => ({year: r.year, segment: r.segment, svar: m.label, share: r[m.key]})));
  // As many year labels as fit at about 45 px each, counted back from the latest year, so labels never
  // meet however narrow the column.
  const years = rows.map((r) => r.year);
  const step = Math.ceil(years.length / Math.max(2, Math.floor((width - 60) / 45)));
  return accessibleChart(Plot.plot({
    width,
    height: 260,
    marginLeft: 48,
    marginTop: 28,
    x: {label: null, tickFormat: (d) => String(d), ticks: years.filter((_, i) => (years.length - 1 - i) % step === 0)},
    y: {label: "Andel av frågorna", domain: [0, 1], tickFormat: percentTick, grid: true, ticks: 5},
    color: {domain: measures.map((m) => m.label), range: measures.map((m) => m.color)},
    symbol: {domain: measures.map((m) => m.label), range: measures.map((m) => m.symbol), legend: true},
    marks: [
      Plot.ruleX(breakYears, {x: (y) => y - 0.5, stroke: "#555", strokeDasharray: "4,3"}),
      Plot.text(breakYears, {x: (y) => y - 0.5, text: (y) => `ny serie ${y}`, frameAnchor: "top", dy: -14, fill: "#333"}),
      Plot.line(long, {x: "year", y: "share", z: (d) => `${d.svar}|${d.segment}`, stroke: "svar"}),
      Plot.dot(long, {x: "year", y: "share", stroke: "svar", symbol: "svar", r: 3, tip: true,
        title: (d) => `${d.year}\n${d.svar}: ${percent(d.share)}`})
    ]
  }), `Linjediagram: andel av stadsdelsnämndernas ÖJ-frågor som besvarades Ja, Nej och inte alls, år för år, för hela staden. Linjen bryts vid ${breakYears.join(", ")} (ny serie). Samma uppgifter finns i tabellen.`);
}
