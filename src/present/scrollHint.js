// A table wider than its box scrolls inside it; on a phone no scroll bar is drawn until one scrolls, so
// the columns to the right would seem not to exist without a line under the table that says so. Kept
// free of DOM libraries: the annual document's HTML string (rendered in node too) carries the same line.

export const scrollHintText = "Tabellen är bredare än skärmen: svep i sidled (eller använd piltangenterna) för fler kolumner.";

/** Shows `hint` while `wrap` has more to the side than it shows, as the box changes size. */
export function watchScrollHint(wrap, hint) {
  new ResizeObserver(() => (hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1)).observe(wrap);
}
