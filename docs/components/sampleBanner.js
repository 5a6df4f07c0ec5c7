import {html} from "htl";

/** The loud "Exempeldata" banner, whenever any source in force is sample data. */
export function sampleBanner(meta) {
  return meta.sources.some((s) => s.any_sample)
    ? html`<div class="banner-sample" role="note">Exempeldata: siffrorna på den här sidan är påhittade och visar bara hur verktyget fungerar.</div>`
    : html``;
}

/**
 * "Exempel i konfigurationen": which of the configuration this page uses is an example the city must
 * check or replace (dash_config_example: the bolag list, requirements, targets …), said where it is used.
 * kinds: the kinds of configuration the page's figures rest on; metod: the Metod page's address from the page.
 */
export function exampleNote(meta, kinds, metod = "./metod") {
  const used = meta.examples.filter((e) => kinds.includes(e.kind)).map((e) => e.label);
  if (!used.length) return html``;
  const list = used.length === 1 ? used[0] : `${used.slice(0, -1).join(", ")} och ${used.at(-1)}`;
  return html`<p class="example-note" role="note"><strong>Exempel i konfigurationen:</strong> ${list} är exempel som staden ska granska och ersätta med sina egna (se <a href=${metod}>Metod</a>); siffror som bygger på dem är inte stadens.</p>`;
}
