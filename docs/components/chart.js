/**
 * A Plot chart made accessible as one image: role="img" and a Swedish label on the <svg>, and the
 * marks' own aria-labels removed (Plot puts them on <g> elements, where ARIA forbids a label without a
 * role). Its numbers are in the table that every chart has beside it.
 */
export function accessibleChart(plot, label) {
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    for (const g of svg.querySelectorAll("[aria-label]")) if (g !== svg) g.removeAttribute("aria-label");
    for (const d of svg.querySelectorAll("[aria-description]")) d.removeAttribute("aria-description");
  }
  return plot;
}
