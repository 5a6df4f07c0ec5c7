import * as Plot from "./vendor/plot.js";
import {html} from "htl";
import {dataTable} from "./table.js";
import {accessibleChart} from "./chart.js";
import {collapsible} from "./collapsible.js";
import {percent, percentTick, number, date} from "./shared/format.js";

// Each stadsdelsnämnd's shares of Ja, Nej and unanswered over the years (unanswered_share, as the view
// computes them), a small panel per nämnd and the same rows as a table, both on request.

const measures = [
  {key: "share_ja", label: "Ja"},
  {key: "share_nej", label: "Nej"},
  {key: "share_unanswered", label: "Ej svar"}
];

/** The nämnder with shares: current ones first, a former one named with its years. */
function unitsWithShares(oj) {
  const unitName = new Map(oj.units.map((u) => [u.unit_id, u.name]));
  return [...new Set(oj.shares.map((s) => s.unit_id))]
    .map((id) => {
      const u = oj.units.find((x) => x.unit_id === id);
      const years = oj.shares.filter((s) => s.unit_id === id).map((s) => s.year);
      const label = u?.valid_to ? `${u.name} (${Math.min(...years)}–${Math.max(...years)})` : unitName.get(id) ?? id;
      return {id, label, former: Boolean(u?.valid_to)};
    })
    .sort((a, b) => a.former - b.former || a.label.localeCompare(b.label, "sv"));
}

/** Which nämnder merged into which, and when: one sentence, or nothing. */
export function mergerNote(units) {
  const unitName = new Map(units.map((u) => [u.unit_id, u.name]));
  const former = units.filter((u) => u.successor_ids);
  const mergers = [...new Set(former.map((u) => u.successor_ids))].map((s) => {
    const successors = s.split("|");
    const from = units.find((u) => u.unit_id === successors[0])?.valid_from;
    return `${former.filter((u) => u.successor_ids === s).map((u) => u.name).join(" och ")} blev ${successors.map((id) => unitName.get(id)).join(" och ")} (${date(from)})`;
  });
  return mergers.length ? html`<p><strong>Sammanslagna nämnder:</strong> ${mergers.join("; ")}. En upphörd nämnd visas till och med sitt sista svarsår; den nya nämnden har egna svar från sitt första svarsår.</p>` : "";
}

export function unitShareChart(oj, width) {
  const units = unitsWithShares(oj);
  const unitName = new Map(oj.units.map((u) => [u.unit_id, u.name]));
  // a line never runs across a series break: one segment per run of years (dash_oj_city_share.segment)
  const segmentOf = new Map(oj.cityShares.map((r) => [r.year, r.segment]));
  // one panel a row on a phone, so a long name (with its years) fits above its panel
  const facetCols = width < 480 ? 1 : width < 640 ? 2 : 4;
  const facetOf = new Map(units.map((u, i) => [u.id, {fx: i % facetCols, fy: Math.floor(i / facetCols)}]));
  const long = oj.shares.flatMap((s) => measures.map((m) => ({
    unit_id: s.unit_id,
    year: s.year,
    svar: m.label,
    share: s[m.key]
  })));
  const chartLabel = `Linjediagram, ett per stadsdelsnämnd: andel av frågorna som besvarades Ja, Nej och inte alls, år för år. Streckad lodrät linje vid ${oj.breakYears.join(", ")}: ny serie för några frågor. Samma uppgifter finns i tabellen under diagrammet.`;
  return collapsible(`Visa diagrammet per stadsdelsnämnd (${number(units.length)} nämnder)`, accessibleChart(Plot.plot({
    width,
    height: 190 * Math.ceil(units.length / facetCols),
    marginTop: 24,
    marginLeft: 44,
    x: {label: null, tickFormat: (d) => String(d), ticks: width < 480 ? 4 : width < 640 ? 2 : 4},
    y: {label: null, domain: [0, 1], tickFormat: percentTick, ticks: 3, grid: true},
    fx: {axis: null, padding: 0.12},
    fy: {axis: null, padding: 0.2},
    color: {domain: measures.map((m) => m.label), range: ["#1a6b2a", "#b3261e", "#5b3c99"]},
    symbol: {domain: measures.map((m) => m.label), range: ["circle", "times", "diamond"], legend: true},
    marks: [
      Plot.frame({stroke: "#ccc"}),
      Plot.ruleX(oj.breakYears, {stroke: "#555", strokeDasharray: "4,3"}),
      Plot.text(units, {fx: (u) => facetOf.get(u.id).fx, fy: (u) => facetOf.get(u.id).fy, text: "label", frameAnchor: "top-left", dy: -8, lineAnchor: "bottom", fontWeight: "bold"}),
      Plot.line(long, {x: "year", y: "share", z: (d) => `${d.svar}|${segmentOf.get(d.year)}`, stroke: "svar", fx: (d) => facetOf.get(d.unit_id).fx, fy: (d) => facetOf.get(d.unit_id).fy}),
      Plot.dot(long, {x: "year", y: "share", symbol: "svar", stroke: "svar", r: 2.5, fx: (d) => facetOf.get(d.unit_id).fx, fy: (d) => facetOf.get(d.unit_id).fy,
        tip: true, title: (d) => `${unitName.get(d.unit_id)} ${d.year}\n${d.svar}: ${percent(d.share)}`})
    ]
  }), chartLabel));
}

export function unitShareTable(oj) {
  const units = unitsWithShares(oj);
  const shareRows = oj.shares
    .map((s) => ({
      ...s,
      namnd: units.find((u) => u.id === s.unit_id).label
    }))
    .sort((a, b) => a.namnd.localeCompare(b.namnd, "sv") || a.year - b.year);
  return collapsible(`Visa tabellen per stadsdelsnämnd och år (${number(shareRows.length)} rader)`, dataTable(shareRows, {
    caption: "Svar per stadsdelsnämnd och år: antal frågor, antal och andel Ja, Nej och ej svar, samt Delvis, Pågår och Ej aktuellt",
    filename: "oj-andel-svar-per-namnd.csv",
    columns: [
      {key: "namnd", label: "Nämnd"},
      {key: "year", label: "År"},
      {key: "n_cells", label: "Frågor", num: true, format: number},
      {key: "n_ja", label: "Ja", num: true, format: number},
      {key: "share_ja", label: "Andel Ja", num: true, format: percent},
      {key: "n_nej", label: "Nej", num: true, format: number},
      {key: "share_nej", label: "Andel Nej", num: true, format: percent},
      {key: "n_unanswered", label: "Ej svar", num: true, format: number},
      {key: "share_unanswered", label: "Andel ej svar", num: true, format: percent},
      {key: "n_delvis", label: "Delvis", num: true, format: number},
      {key: "n_pagar", label: "Pågår", num: true, format: number},
      {key: "n_ej_aktuellt", label: "Ej aktuellt", num: true, format: number}
    ]
  }));
}
