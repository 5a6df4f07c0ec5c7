/**
 * Plot names each mark's <g> with aria-label ("line", "dot" …) but gives it no role, which ARIA does not
 * allow (axe: aria-prohibited-attr, serious). Giving those groups role="group" keeps the names valid for
 * screen readers. Returns the same node (an <svg>, or a <figure> holding legend and svg).
 */
export function plotA11y(node) {
  for (const g of node.querySelectorAll("g[aria-label]:not([role])")) g.setAttribute("role", "group");
  return node;
}
