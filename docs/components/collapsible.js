import {html} from "htl";

/**
 * A part of a page shown on request, so a long table or matrix does not make the page many screens
 * long: a native <details> (keyboard and screen reader support come with it) whose summary says what
 * it holds and how much.
 */
export function collapsible(summary, content, {open = false} = {}) {
  return html`<details class="collapsible" open=${open}><summary>${summary}</summary>${content}</details>`;
}
