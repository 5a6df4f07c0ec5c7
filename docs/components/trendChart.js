import {accessibleChart} from "./chart.js";
import {seriesBreakMarks} from "./seriesBreaks.js";
import * as Plot from "./vendor/plot.js";
import {percent} from "./shared/format.js";

// Trend charts of the nämnd page. Years on a linear axis with integer ticks; shares 0–1 shown in %.
// Missing values (share NULL) leave a gap in the line, never a 0. Colour is never the only carrier:
// the target is dashed and labelled, predecessors are dashed, labelled and have their own symbol.

const yearsOf = (rows) => [...new Set(rows.map((d) => d.year))].sort((a, b) => a - b);

function yearScale(years, maxTicks) {
  const step = Math.max(1, Math.ceil(years.length / maxTicks));
  const [first, last] = [years[0], years.at(-1)];
  return {
    domain: [first - 0.5, last + 0.5],
    ticks: years.filter((y) => (last - y) % step === 0),
    tickFormat: (y) => String(y),
    label: null
  };
}

/**
 * Share met per fokusområde over the years, one small panel per fokusområde, with the target as a dashed
 * line and the chosen year marked. rows: {year, fokus (title), share_met, segment}; targets: {year, fokus, target_share}.
 * The line breaks between segments (years not comparable: a series break, a new programme).
 */
export function shareTrendChart({rows, targets, fokusTitles, year, width, caption, ariaLabel}) {
  const years = yearsOf(rows);
  // Side by side where each panel gets room for its title, stacked (one panel per row, title above
  // it) on a narrow screen, so facet titles and year ticks never collide.
  const stacked = width < 160 * fokusTitles.length + 68;
  const facet = stacked ? "fy" : "fx";
  const panelWidth = stacked ? width - 68 : (width - 68) / fokusTitles.length;
  const at = (options) => ({[facet]: "fokus", ...options});
  return accessibleChart(Plot.plot({
    width,
    height: stacked ? fokusTitles.length * 190 + 40 : 240,
    marginTop: stacked ? 36 : 24,
    marginLeft: 56,
    marginRight: 12,
    caption,
    ariaLabel,
    ...(stacked
      ? {fy: {domain: fokusTitles, label: null, axis: null, padding: 0.2}}
      : {fx: {domain: fokusTitles, label: null, padding: 0.12}}),
    x: yearScale(years, Math.max(2, Math.floor(panelWidth / 45))),
    y: {domain: [0, 100], percent: true, label: "Andel uppfyllt (%)", labelAnchor: "center", grid: true, ticks: 5},
    marks: [
      Plot.frame({stroke: "#ccc"}),
      ...(stacked ? [Plot.text(fokusTitles, {fy: (d) => d, text: (d) => d, frameAnchor: "top-left", dy: -20, fontWeight: "bold", fontSize: 12})] : []),
      Plot.ruleX([year], {stroke: "#f0c36d", strokeWidth: 10, strokeOpacity: 0.5}),
      Plot.lineY(targets, at({x: "year", y: "target_share", stroke: "#555", strokeDasharray: "5,3"})),
      Plot.text(targets, Plot.selectLast(at({x: "year", y: "target_share", text: () => "mål", dy: -7, textAnchor: "end", fill: "#333"}))),
      // z: a new segment wherever a year is not comparable with the one before, so no step is drawn across it
      Plot.lineY(rows, at({x: "year", y: "share_met", z: "segment", stroke: "#1a4f9c", strokeWidth: 2})),
      Plot.dot(rows, at({
        x: "year", y: "share_met", fill: "#1a4f9c", r: 3,
        title: (d) => `${d.fokus} ${d.year}: ${percent(d.share_met)}`, tip: true
      }))
    ]
  }));
}

/**
 * Share Ja per ÖJ area over the years (oj_trend), one panel per area. A line never joins across a series
 * break (break_before) or from a predecessor's answers to the unit's own: z is source × series.
 * Predecessors' series are dashed, hollow, with their own symbol and labelled "via <name>"; a dotted rule
 * marks each new series ("Ny serie 2023").
 */
export function ojTrendChart({rows, ownName, width, caption, ariaLabel}) {
  const data = rows.map((d) => ({
    ...d,
    source: d.via_unit_id ? `via ${d.via_name}` : ownName,
    key: `${d.via_unit_id ?? ""}|${d.series}`
  }));
  const years = yearsOf(data);
  const areas = [...new Set(data.map((d) => d.area_title))];
  const sources = [ownName, ...new Set(data.filter((d) => d.via_unit_id).map((d) => d.source))];
  const own = data.filter((d) => !d.via_unit_id);
  const via = data.filter((d) => d.via_unit_id);
  const breaks = [...new Map(data.filter((d) => d.break_before).map((d) => [`${d.area_title}|${d.year}`, d])).values()];
  // One label per predecessor and panel, at the last point of its longest series (before a series break
  // if there is one); labels at the same point are spread above and below it so that they do not overlap.
  const seriesOf = new Map();
  for (const d of via.filter((d) => d.share_ja !== null)) {
    const id = `${d.area_title}|${d.source}`;
    const series = seriesOf.get(id) ?? new Map();
    series.set(d.key, [...(series.get(d.key) ?? []), d]);
    seriesOf.set(id, series);
  }
  const lastPoints = [...seriesOf.values()].map((series) =>
    [...series.values()].reduce((a, b) => (b.length > a.length ? b : a)).at(-1)
  );
  const labels = lastPoints.map((d) => {
    const peers = lastPoints
      .filter((p) => p.area_title === d.area_title && p.year === d.year)
      .sort((a, b) => b.share_ja - a.share_ja || a.source.localeCompare(b.source, "sv"));
    return {...d, rank: peers.indexOf(d)};
  });
  const labelMarks = [...new Set(labels.map((d) => d.rank))].map((rank) =>
    Plot.text(labels.filter((d) => d.rank === rank), {
      fy: "area_title", x: "year", y: "share_ja", text: "source", textAnchor: "end", dx: -4,
      dy: rank === 0 ? -8 : 8 + 13 * (rank - 1), lineAnchor: rank === 0 ? "bottom" : "top",
      fill: "#222", stroke: "white", strokeWidth: 3, paintOrder: "stroke", fontSize: 11
    })
  );
  const panel = 150;
  return accessibleChart(Plot.plot({
    width,
    height: areas.length * (panel + 40) + 40,
    marginTop: 36,
    marginLeft: 48,
    marginRight: 16,
    caption,
    ariaLabel,
    fy: {domain: areas, label: null, axis: null, padding: 0.22},
    x: yearScale(years, Math.max(2, Math.floor((width - 64) / 45))),
    y: {domain: [0, 100], percent: true, label: "Andel ja (%)", grid: true, ticks: 4},
    symbol: {domain: sources, range: ["circle", "triangle", "square", "diamond", "star", "cross"], legend: sources.length > 1},
    marks: [
      Plot.frame({stroke: "#ccc"}),
      Plot.text(areas, {fy: (d) => d, text: (d) => d, frameAnchor: "top-left", dy: -20, fontWeight: "bold", fontSize: 12}),
      ...seriesBreakMarks(breaks, {years: [years[0], years.at(-1)], fy: "area_title"}),
      Plot.lineY(via, {fy: "area_title", x: "year", y: "share_ja", z: "key", stroke: "#555", strokeWidth: 1.5, strokeDasharray: "5,3"}),
      Plot.lineY(own, {fy: "area_title", x: "year", y: "share_ja", z: "key", stroke: "#1a4f9c", strokeWidth: 2}),
      Plot.dot(via, {fy: "area_title", x: "year", y: "share_ja", symbol: "source", stroke: "#555", fill: "white", r: 3.5}),
      Plot.dot(own, {fy: "area_title", x: "year", y: "share_ja", symbol: "source", fill: "#1a4f9c", r: 3.5}),
      ...labelMarks,
      Plot.tip(data, Plot.pointer({
        fy: "area_title", x: "year", y: "share_ja",
        title: (d) => `${d.area_title} ${d.year}, ${d.source}: ${percent(d.share_ja)} ja${d.break_before ? " (ny serie)" : ""}`
      }))
    ]
  }));
}
