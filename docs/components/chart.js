/**
 * A Plot chart made accessible as one image: the chart's own <svg> gets role="img" and a Swedish label
 * (the one given, else Plot's ariaLabel), the marks' aria-labels are removed (Plot puts them on <g>
 * elements, where ARIA forbids a label without a role), and legend swatches are hidden from assistive
 * technology (the legend's text stays). The chart's numbers are in the table beside it.
 * Works for a bare <svg> and for the <figure> Plot returns when there is a legend or caption.
 */
export function accessibleChart(plot, label) {
  const chart = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector(":scope > svg");
  for (const svg of plot.tagName.toLowerCase() === "svg" ? [plot] : plot.querySelectorAll("svg")) {
    for (const node of svg.querySelectorAll("[aria-label], [aria-description]")) {
      // Kept as data (not read aloud) so tests can find a chart's axes and facet titles.
      if (node.hasAttribute("aria-label")) node.setAttribute("data-mark", node.getAttribute("aria-label"));
      node.removeAttribute("aria-label");
      node.removeAttribute("aria-description");
    }
    if (svg !== chart) svg.setAttribute("aria-hidden", "true");
  }
  if (chart) {
    chart.setAttribute("role", "img");
    if (label) chart.setAttribute("aria-label", label);
  }
  return plot;
}
