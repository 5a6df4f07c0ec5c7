import * as Plot from "./vendor/plot.js";

/**
 * A dotted rule between a series break's year and the one before, labelled "Ny serie ÅÅÅÅ". The label
 * reads to the right of the rule in the chart's left half and to its left in the right half: a break
 * near the last year (a unit that ended the year a series began) would otherwise run past the frame.
 * years: the chart's first and last year; channels: facet channels and text style shared by all marks.
 */
export function seriesBreakMarks(breaks, {years: [first, last], ...channels}) {
  const x = (d) => d.year - 0.5;
  const text = (d) => `Ny serie ${d.year}`;
  const label = {...channels, x, text, frameAnchor: "top", dy: 4, fill: "#000", stroke: "white", strokeWidth: 3, paintOrder: "stroke"};
  const leftHalf = (d) => x(d) - first < (last - first) / 2;
  return [
    Plot.ruleX(breaks, {...channels, x, stroke: "#000", strokeDasharray: "2,3"}),
    Plot.text(breaks.filter(leftHalf), {...label, textAnchor: "start", dx: 4}),
    Plot.text(breaks.filter((d) => !leftHalf(d)), {...label, textAnchor: "end", dx: -4})
  ];
}
