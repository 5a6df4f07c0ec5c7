// Årsuppföljning: the annual follow-up as one document per year (src/annual/annualDocument.js, read from
// annual_sentence_input, judgement_city, readiness_city, annual_oj_area, annual_unit and
// dash_leadership_requirement) in the build's profile: annual/latest.json (the years and the latest
// year's document), annual/on-demand/earlier.json (the other years', fetched when a reader picks one),
// and the latest year's document as annual/on-demand/arsuppfoljning.docx and .md to download.
import { annualDocuments, annualYears } from '../../src/annual/annualDocument.js';
import { annualDocx } from '../../src/annual/annualDocx.js';
import { annualMarkdown } from '../../src/annual/annualMarkdown.js';
import { runMartFiles } from '../../src/dashboard/martLoader.js';

await runMartFiles(async (q) => {
  const years = await annualYears(q);
  const docs = await annualDocuments(q, years);
  const latest = docs.at(-1) ?? null;
  return [
    ['latest.json', JSON.stringify({ years, docs: latest ? [latest] : [] })],
    ['on-demand/earlier.json', JSON.stringify({ docs: docs.slice(0, -1) })],
    ['on-demand/arsuppfoljning.docx', latest ? await annualDocx(latest) : Buffer.alloc(0)],
    ['on-demand/arsuppfoljning.md', latest ? annualMarkdown(latest) : ''],
  ];
});
