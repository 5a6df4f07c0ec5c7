// The annual follow-up (src/annual/annualDocument.js) as HTML for print: the Årsuppföljning page shows
// it, and `beredskap report annual --format pdf` prints the same markup in Chromium. A string, not DOM
// nodes, so node renders it without a browser; every text from the database passes `escape`.
// Print: A4, a running header (title, organisation, "Exempeldata" on sample data) and "Sida N av M" in
// the page margins on every page, the cover alone on page 1, no caption left at a page's foot without
// its table.

import {scrollHintText} from "./scrollHint.js";

const entities = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
const escape = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => entities[c]);
/** A CSS string literal: quotes, backslashes, line breaks and "<" (which could end the style element) escaped. */
const cssString = (text) => `"${String(text).replace(/[\\"\n<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/** A source of the document's figures in words: "10 filer, år 2016–2025, senast inläst 2026-12-07". */
export const sourceText = (s) =>
  `${s.n_files} ${s.n_files === 1 ? "fil" : "filer"}, år ${s.first_year === s.last_year ? s.first_year : `${s.first_year}–${s.last_year}`}, senast inläst ${String(s.latest_import).slice(0, 10)}`;

/** The running header's text: "Årsuppföljning 2025 · Stockholm". */
export const runningHeader = (doc) => [doc.title, doc.organisation].filter(Boolean).join(" · ");

/** The page rules and the document's own look; scoped to .annual-doc except @page, which only print reads. */
function styles(doc) {
  const right = [doc.sample ? "Exempeldata" : "", doc.profile === "internal" ? "Intern – får inte publiceras" : ""].filter(Boolean).join(" · ");
  return `
@page {
  size: A4; margin: 20mm 16mm 18mm;
  @top-left { content: ${cssString(runningHeader(doc))}; font: 8.5pt system-ui, sans-serif; color: #333; }
  @top-right { content: ${cssString(right)}; font: bold 8.5pt system-ui, sans-serif; color: #8a1c00; }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); font: 8.5pt system-ui, sans-serif; color: #333; }
}
.annual-doc { max-width: 60rem; }
.annual-doc .cover { min-height: 40vh; }
.annual-doc .cover .sample { font-weight: bold; color: #8a1c00; border: 2px solid #8a1c00; padding: .3rem .6rem; display: inline-block; }
.annual-doc dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
.annual-doc dl.facts dt { font-weight: bold; }
.annual-doc dl.facts dd { margin: 0; }
.annual-doc .opening { max-width: 48rem; }
.annual-doc sup.ref { font-size: .7em; }
.annual-doc p.notes { font-size: .8rem; color: #444; }
.annual-doc table.data tr.group > * { font-weight: bold; background: #f2f2f2; }
.annual-doc .unit-paragraph { margin: .3rem 0; }
@media print {
  .annual-doc { max-width: none; font-size: 10pt; }
  .annual-doc .cover { min-height: 0; break-after: page; }
  .annual-doc h2, .annual-doc h3 { break-after: avoid; }
  .annual-doc .table-wrap { overflow: visible; }
  .annual-doc .scroll-hint { display: none; }
  .annual-doc table.data { font-size: 8.5pt; width: 100%; }
  /* Not split either: a caption of two lines broken after its first leaves that line at a page's foot. */
  .annual-doc table.data caption { break-after: avoid; break-inside: avoid; text-align: left; }
  .annual-doc table.data thead { display: table-header-group; }
  .annual-doc table.data tr { break-inside: avoid; }
  .annual-doc table.data th, .annual-doc table.data td { padding: 1pt 4pt; }
  .annual-doc p.notes { font-size: 7.5pt; }
  .annual-doc .unit-paragraph { break-inside: avoid; font-size: 9pt; }
}`;
}

function table(t) {
  const cls = (c) => (c.num ? ' class="num"' : "");
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escape(t.caption)}"><table class="data">
<caption>${escape(t.caption)}</caption>
<thead><tr>${t.columns.map((c) => `<th scope="col"${cls(c)}>${escape(c.label)}</th>`).join("")}</tr></thead>
<tbody>${t.rows.map((r) => `<tr${r.group ? ' class="group"' : ""}>${r.cells.map((cell, i) => (i === 0
    ? `<th scope="${r.group ? "rowgroup" : "row"}">${escape(cell)}</th>`
    : `<td${cls(t.columns[i])}>${escape(cell)}</td>`)).join("")}</tr>`).join("\n")}</tbody>
</table></div><p class="scroll-hint" hidden>${escape(scrollHintText)}</p>${t.note ? `<p class="notes">${escape(t.note)}</p>` : ""}`;
}

/**
 * The document as one HTML fragment (an <article> with its own <style>). Each drafted sentence carries
 * the view and row its figures come from (data-source-view, data-source-key) and a numbered note.
 */
export function annualHtml(doc) {
  let note = 0;
  const sentence = (s, notes) => {
    note++;
    notes.push(`<span id="not-${note}">${note}. ${escape(s.source.note)}</span>`);
    return `<span class="sentence" data-sentence-id="${escape(s.sentenceId)}" data-source-view="${escape(s.source.view)}" data-source-key="${escape(JSON.stringify(s.source.key))}">${escape(s.text)}<sup class="ref"><a href="#not-${note}">${note}</a></sup></span>`;
  };
  const section = (sec) => {
    const notes = [];
    const opening = sec.sentences.length ? `<p class="opening">${sec.sentences.map((s) => sentence(s, notes)).join(" ")}</p>` : "";
    const empty = !sec.sentences.length && !sec.tables.length && !sec.paragraphs.length && sec.empty ? `<p>${escape(sec.empty)}</p>` : "";
    const paragraphs = sec.paragraphs.map((p) => `<p class="unit-paragraph"><strong>${escape(p.title)}.</strong> ${p.sentences.map((s) => sentence(s, notes)).join(" ")}</p>`).join("\n");
    return `<section class="annual-section" id="${escape(sec.id)}"><h2>${escape(sec.title)}</h2>
${opening}${empty}
${sec.tables.map(table).join("\n")}
${paragraphs}
${notes.length ? `<p class="notes">Källor till meningarna: ${notes.join(" · ")}</p>` : ""}</section>`;
  };
  return `<article class="annual-doc"><style>${styles(doc)}</style>
<header class="cover">
<h1>${escape(doc.title)}</h1>
<p>Uppföljning av säkerhetsprogrammet och Öppna jämförelser – krisberedskap${doc.organisation ? ` för ${escape(doc.organisation)}` : ""}.</p>
${doc.notice ? `<p class="sample">${escape(doc.notice)}</p>` : ""}
<dl class="facts">
<dt>Organisation</dt><dd>${escape(doc.organisation || "–")}</dd>
<dt>År</dt><dd>${escape(doc.year)}</dd>
<dt>Program</dt><dd>${escape(doc.programme ?? "Inget säkerhetsprogram gäller året")}</dd>
${doc.sources.map((s) => `<dt>${escape(s.label)}</dt><dd>${escape(sourceText(s))}</dd>`).join("\n")}
</dl>
<nav aria-label="Innehåll i årsuppföljningen"><h2>Innehåll</h2><ol>${doc.sections.map((s) => `<li><a href="#${escape(s.id)}">${escape(s.title)}</a></li>`).join("")}</ol></nav>
</header>
${doc.sections.map(section).join("\n")}
</article>`;
}

/**
 * The document as a page of its own, for printing outside the dashboard (`report annual --format pdf`):
 * the fragment with the few table rules the dashboard's stylesheet otherwise gives it.
 */
export function annualStandalone(doc) {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escape(runningHeader(doc))}</title><style>
body { font: 10pt/1.4 system-ui, sans-serif; color: #111; margin: 0; }
table.data { border-collapse: collapse; margin: .5rem 0; }
table.data caption { font-style: italic; text-align: left; padding: .2rem 0; }
table.data th, table.data td { border-bottom: 1px solid #ccc; padding: .15rem .4rem; text-align: left; vertical-align: top; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
</style></head><body>${annualHtml(doc)}</body></html>`;
}
