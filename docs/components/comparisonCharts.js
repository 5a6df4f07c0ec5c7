import * as Plot from "./vendor/plot.js";
import {html} from "htl";
import {percent, percentTick} from "./shared/format.js";
import {positionLabel} from "./labels.js";
import {accessibleChart} from "./chart.js";

/**
 * Jämförelse's rows: the year's positions (dash_comparison_position) against one comparator, each with its
 * question's area and verksamhet titles and series, in the indicators' order; with showSingles, each
 * single kommun's share Ja in a column named by its comparator id.
 */
export function comparisonRows({cmp, ofYear, comparatorId, singles, showSingles}) {
  const areaTitle = new Map(cmp.areas.map((a) => [a.area, a.title_sv]));
  const verksamhetTitle = new Map(cmp.verksamheter.map((v) => [v.verksamhet, v.title_sv]));
  const indicatorOf = new Map(cmp.indicators.map((i) => [i.indicator_id, i]));
  const singleOf = (indicator_id) => Object.fromEntries(singles.map((s) => [s.comparator_id, ofYear.find((p) => p.comparator_id === s.comparator_id && p.indicator_id === indicator_id)?.share_ja ?? null]));
  return ofYear
    .filter((p) => p.comparator_id === comparatorId)
    .map((p) => {
      const i = indicatorOf.get(p.indicator_id);
      return {...p, ...(showSingles ? singleOf(p.indicator_id) : {}), area: i.area, area_title: areaTitle.get(i.area), verksamhet_title: verksamhetTitle.get(i.verksamhet), series: i.series, first_year: i.first_year};
    })
    .sort((a, b) => cmp.indicators.findIndex((i) => i.indicator_id === a.indicator_id) - cmp.indicators.findIndex((i) => i.indicator_id === b.indicator_id));
}

const symbolRange = ["triangle", "diamond", "star", "times"];

/**
 * One dot plot per ÖJ area, side by side where there is room: per verksamhet the city's share Ja (●),
 * the comparator's (■), the line between them, and the single kommuner's when shown.
 */
export function comparisonCharts({rows, singles, showSingles, cityHeading, comparatorHeading, year, width}) {
  if (rows.length === 0) return html`<p>Inga ÖJ-svar att jämföra för valt år och jämförelse.</p>`;
  const perArea = [...new Set(rows.map((r) => r.area))].map((area) => {
    const data = rows.filter((r) => r.area === area);
    const areaTitle = data[0].area_title;
    const singleDots = showSingles ? singles.flatMap((s, k) => data.map((r) => ({y: r.verksamhet_title, x: r[s.comparator_id], name: s.comparator_name, symbol: symbolRange[k % symbolRange.length]}))).filter((d) => d.x !== null) : [];
    const plotWidth = width >= 864 ? Math.floor((width - 24) / 2) : width;
    // A name longer than the chart is wide wraps above its dots (about 6.5 px a character at 12 px), and its
    // row grows by a line for each wrap, so no name is cut at the chart's edge.
    const lineWidth = Math.floor((plotWidth - 32) / 12);
    const extraLines = (t) => Math.max(0, Math.ceil((t.length * 6.5) / (plotWidth - 32)) - 1);
    const plot = Plot.plot({
      width: plotWidth,
      height: data.reduce((h, r) => h + 38 + 14 * extraLines(r.verksamhet_title), 0) + 40,
      marginLeft: 16,
      marginRight: 24,
      marginTop: 8,
      x: {domain: [0, 1], tickFormat: percentTick, ticks: width < 500 ? 3 : 5, grid: true, label: "Andel Ja"},
      y: {domain: data.map((r) => r.verksamhet_title), axis: null, paddingOuter: 0.3},
      marks: [
        // The row's name above its dots: readable at any width, never a cramped axis.
        Plot.text(data, {x: 0, y: "verksamhet_title", text: "verksamhet_title", textAnchor: "start", lineAnchor: "bottom", lineWidth, dy: -8, fill: "#222", fontSize: 12}),
        Plot.link(data.filter((r) => r.city_share !== null && r.share_ja !== null), {x1: "share_ja", x2: "city_share", y1: "verksamhet_title", y2: "verksamhet_title", stroke: "#888", strokeWidth: 2}),
        Plot.dot(singleDots, {x: "x", y: "y", symbol: "symbol", stroke: "#5b3c99", r: 4}),
        Plot.dot(data.filter((r) => r.share_ja !== null), {x: "share_ja", y: "verksamhet_title", symbol: "square", fill: "#b33c00", r: 4.5,
          title: (d) => `${comparatorHeading}: ${percent(d.share_ja)}`}),
        Plot.dot(data.filter((r) => r.city_share !== null), {x: "city_share", y: "verksamhet_title", symbol: "circle", fill: "#0b5cad", r: 5,
          title: (d) => `${cityHeading}: ${percent(d.city_share)} – ${positionLabel[d.position] ?? ""}`})
      ]
    });
    return html`<div class="small-multiple"><h3>${areaTitle}</h3>${accessibleChart(plot, `Punktdiagram: ${areaTitle} ${year}, andel Ja för ${cityHeading} mot ${comparatorHeading} per verksamhet. Samma uppgifter finns i tabellen under diagrammen.`)}</div>`;
  });
  return html`<div class="small-multiples">${perArea}</div>`;
}

/** The areas whose questions begin a new series this year (so their position is not compared), when there was a year before. */
export function newSeriesNote(rows, year, years) {
  const breaks = rows.filter((r) => r.first_year === year && years.includes(year - 1));
  return breaks.length
    ? html`<p><strong>Ny serie ${year}:</strong> ${new Set(breaks.map((b) => b.area_title)).size} områden reviderades av Socialstyrelsen (${[...new Set(breaks.map((b) => b.area_title))].join(", ")}); deras läge jämförs inte med året före.</p>`
    : "";
}
