import * as Plot from "./vendor/plot.js";
import {html} from "htl";
import {dataTable} from "./table.js";
import {percent} from "./shared/format.js";
import {unitGroupLabel, attainmentWord} from "./labels.js";
import {attainment} from "./namndSection.js";
import {accessibleChart} from "./chart.js";

/**
 * Måluppfyllelse per unit and fokusområde for one year (rows of dash_goal_attainment): target, delvis
 * margin and outcome as dots, one small multiple per fokusområde shown per unit, and the same rows as a
 * table. meta: the site's meta.json (unit names and order, fokusområden).
 */

/** The year's rows with the names charts and table show, in the fokusområden's and the units' order. */
export function unitGoalRows({goals, meta, year}) {
  const names = new Map(meta.namnder.map((n) => [n.unit_id, n.name]));
  const fokusTitle = new Map(meta.fokusomraden.map((f) => [f.fokusomrade, f.title_sv]));
  const order = meta.namnder.map((n) => n.name);
  const fokusIndex = (g) => meta.fokusomraden.findIndex((f) => f.fokusomrade === g.fokusomrade);
  return goals
    .filter((g) => g.year === year)
    .map((g) => ({
      ...g,
      namnd: names.get(g.unit_id) ?? g.unit_id,
      fokus: fokusTitle.get(g.fokusomrade) ?? g.fokusomrade,
      attainment_text: attainment(g.attainment),
      attainment_chart: attainmentWord[g.attainment]
    }))
    .sort((a, b) => fokusIndex(a) - fokusIndex(b) || order.indexOf(a.namnd) - order.indexOf(b.namnd));
}

/** The legend sentence and one dot chart per fokusområde shown per unit. */
export function unitGoalCharts({rows, meta, year, width}) {
  const namnderOfYear = meta.namnder.map((n) => n.name).filter((n) => rows.some((r) => r.namnd === n));
  const labels = ["helt", "delvis", "ej"].map((a) => attainmentWord[a]);
  const hidden = meta.fokusomraden.filter((f) => !f.shown_per_unit);
  const facets = meta.fokusomraden.filter((f) => f.shown_per_unit);
  // One chart per fokusområde with an HTML heading: two side by side where there is room, stacked on a
  // narrow screen, so facet titles and ticks never collide.
  const facetWidth = width >= 900 ? Math.floor((width - 24) / 2) : width;
  const facetChart = (f, k) => {
    const data = rows.filter((r) => r.fokusomrade === f.fokusomrade);
    // On a narrow screen each unit's name stands above its row across the chart's width, whole, rather
    // than beside it in a margin it would not fit.
    const narrow = facetWidth < 500;
    return html`<div class="small-multiple"><h3>${f.title_sv}</h3>${accessibleChart(Plot.plot({
      width: facetWidth,
      height: namnderOfYear.length * (narrow ? 34 : 18) + 60,
      marginLeft: narrow ? 12 : Math.min(200, Math.round(facetWidth * 0.45)),
      marginRight: 16,
      y: {domain: namnderOfYear, label: null, axis: narrow ? null : "left", paddingInner: narrow ? 0.5 : 0.1},
      x: {domain: [0, 100], percent: true, label: "Andel uppfyllt (%)", ticks: [0, 50, 100], grid: true, inset: 8},
      symbol: {domain: labels, range: ["circle", "triangle", "times"], legend: k === 0},
      color: {domain: labels, range: ["#1a6b2f", "#8a5a00", "#b00020"]},
      marks: [
        Plot.frame({stroke: "#ccc"}),
        Plot.ruleY(data.filter((r) => r.target_share !== null), {y: "namnd", x1: "delvis_from", x2: "target_share", stroke: "#ddd", strokeWidth: 8}),
        Plot.tickX(data.filter((r) => r.target_share !== null), {y: "namnd", x: "target_share", stroke: "#000", strokeWidth: 1.5}),
        Plot.dot(data.filter((r) => r.share_met !== null && r.attainment), {
          y: "namnd", x: "share_met", symbol: "attainment_chart", stroke: "attainment_chart", fill: "attainment_chart", r: 4, strokeWidth: 2,
          title: (d) => `${d.namnd}, ${d.fokus}: ${percent(d.share_met)} (mål ${percent(d.target_share)}) – ${d.attainment_text}`, tip: true
        }),
        Plot.text(data.filter((r) => r.share_met === null || !r.attainment), {y: "namnd", text: () => "inga uppgifter", frameAnchor: "left", dx: 4, fill: "#555", fontSize: 10}),
        ...(narrow ? [Plot.text(namnderOfYear, {y: (d) => d, text: (d) => d, frameAnchor: "left", lineAnchor: "bottom", dy: -7, fontSize: 11, fill: "#222"})] : [])
      ]
    }), `Punktdiagram: ${f.title_sv} ${year}, andel uppfyllt (markör) mot mål (lodrätt streck) per nämnd och bolag. Grått fält: delvis-marginalen. Markörens form visar måluppfyllelsen.`)}</div>`;
  };
  return html`<p>Utfall (markör) mot mål (lodrätt streck) per enhet och fokusområde ${year}. Grått fält: delvis-marginalen. Markörens form visar måluppfyllelsen: ● helt, ▲ delvis, ✕ ej.${hidden.length ? ` ${hidden.map((f) => f.title_sv ?? f.fokusomrade).join(", ")} visas i den publika versionen bara för staden som helhet.` : ""}</p>
  <div class="small-multiples">${facets.map(facetChart)}</div>`;
}

export function unitGoalTable(rows, year) {
  return dataTable(rows, {
    caption: `Beräknad måluppfyllelse: mål och utfall per nämnd, bolag och fokusområde ${year}`,
    filename: `maluppfyllelse-namnder-${year}.csv`,
    columns: [
      {key: "namnd", label: "Nämnd eller bolag", format: (v, r) => html`<a href="./namnd/${r.unit_id}">${v}</a>`},
      {key: "unit_group", label: "Enheter", format: (v) => unitGroupLabel[v]},
      {key: "fokus", label: "Fokusområde"},
      {key: "target_share", label: "Mål", num: true, format: percent},
      {key: "delvis_from", label: "Delvis från", num: true, format: percent},
      {key: "share_met", label: "Utfall", num: true, format: percent},
      {key: "attainment_text", label: "Måluppfyllelse"}
    ]
  });
}
