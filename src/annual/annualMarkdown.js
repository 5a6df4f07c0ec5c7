// @ts-check
// The annual follow-up (annualDocument.js) as Markdown: what `beredskap report annual -o FIL.md` writes
// and the dashboard offers beside the .docx. Each drafted sentence's source is a footnote.
import { sourceText } from '../present/annualHtml.js';
/** @typedef {import('./annualDocument.js').AnnualDocument} AnnualDocument */
/** @typedef {import('./annualDocument.js').Table} Table */

/** Text in running Markdown: characters that would start markup are escaped. */
const inline = (/** @type {unknown} */ text) => String(text ?? '').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');

function table(/** @type {Table} */ t) {
  const row = (/** @type {string[]} */ cells, bold = false) => `| ${cells.map((c) => (c && bold ? `**${inline(c)}**` : inline(c) || ' ')).join(' | ')} |`;
  return [
    `**${inline(t.caption)}**`,
    '',
    row(t.columns.map((c) => c.label)),
    `|${t.columns.map((c) => (c.num ? ' ---: ' : ' --- ')).join('|')}|`,
    ...t.rows.map((r) => row(r.cells, r.group)),
    ...(t.note ? ['', `*${inline(t.note)}*`] : []),
    '',
  ].join('\n');
}

/** @param {AnnualDocument} doc */
export function annualMarkdown(doc) {
  /** @type {string[]} */
  const notes = [];
  const sentence = (/** @type {import('./annualDocument.js').Sentence} */ s) => {
    notes.push(s.source.note);
    return `${inline(s.text)}[^${notes.length}]`;
  };
  const lines = [
    `# ${inline(doc.title)}`,
    '',
    ...(doc.notice ? [`**${inline(doc.notice)}**`, ''] : []),
    `Uppföljning av säkerhetsprogrammet och Öppna jämförelser – krisberedskap${doc.organisation ? ` för ${inline(doc.organisation)}` : ''}.`,
    '',
    `- **Organisation:** ${inline(doc.organisation || '–')}`,
    `- **År:** ${doc.year}`,
    `- **Program:** ${inline(doc.programme ?? 'Inget säkerhetsprogram gäller året')}`,
    ...doc.sources.map((s) => `- **${inline(s.label)}:** ${inline(sourceText(s))}`),
    '',
    '## Innehåll',
    '',
    ...doc.sections.map((s, i) => `${i + 1}. ${inline(s.title)}`),
    '',
  ];
  for (const section of doc.sections) {
    lines.push(`## ${inline(section.title)}`, '');
    if (section.sentences.length) lines.push(section.sentences.map(sentence).join(' '), '');
    if (!section.sentences.length && !section.tables.length && !section.paragraphs.length && section.empty) lines.push(inline(section.empty), '');
    for (const t of section.tables) lines.push(table(t));
    for (const p of section.paragraphs) lines.push(`**${inline(p.title)}.** ${p.sentences.map(sentence).join(' ')}`, '');
  }
  lines.push(...notes.map((n, i) => `[^${i + 1}]: ${inline(n)}`), '');
  return lines.join('\n');
}
