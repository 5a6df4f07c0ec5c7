import {html} from "htl";

/** The loud "Exempeldata" banner, whenever any source in force is sample data. */
export function sampleBanner(meta) {
  return meta.sources.some((s) => s.any_sample)
    ? html`<div class="banner-sample" role="note">Exempeldata: siffrorna på den här sidan är påhittade och visar bara hur verktyget fungerar.</div>`
    : html``;
}
