// @ts-check
// The annual follow-up (annualDocument.js) as a Word file, what the city edits and files: real headings
// (Rubrik 1/2), a table of contents field Word fills in when the file is opened, tables whose header row
// repeats on every page and whose caption stays with them, each drafted sentence's source as a
// footnote, A4 with a running header (title, organisation, "Exempeldata" on sample data) and
// "Sida N av M" on every page.
import {
  AlignmentType, Document, Footer, FootnoteReferenceRun, Header, HeadingLevel, Packer, PageNumber, Paragraph,
  Table, TableCell, TableOfContents, TableRow, TabStopType, TextRun, WidthType,
} from 'docx';
import { runningHeader, sourceText } from '../present/annualHtml.js';
/** @typedef {import('./annualDocument.js').AnnualDocument} AnnualDocument */
/** @typedef {import('./annualDocument.js').Table} DocTable */

const a4 = { width: 11906, height: 16838 };
const margin = { top: 1134, bottom: 1021, left: 907, right: 907, header: 567, footer: 567 };
const textWidth = a4.width - margin.left - margin.right;

function table(/** @type {DocTable} */ t) {
  const cell = (/** @type {string} */ text, /** @type {{ num?: boolean, bold?: boolean, shade?: boolean }} */ o) => new TableCell({
    shading: o.shade ? { fill: 'F2F2F2' } : undefined,
    children: [new Paragraph({
      alignment: o.num ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: [new TextRun({ text, bold: o.bold, size: 16 })],
    })],
  });
  return [
    new Paragraph({ style: 'Caption', keepNext: true, keepLines: true, children: [new TextRun(t.caption)] }),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c) => cell(c.label, { num: c.num, bold: true, shade: true })) }),
        ...t.rows.map((r) => new TableRow({
          cantSplit: true,
          children: r.cells.map((text, i) => cell(text, { num: t.columns[i]?.num, bold: r.group, shade: r.group })),
        })),
      ],
    }),
    ...(t.note ? [new Paragraph({ style: 'Note', children: [new TextRun(t.note)] })] : [new Paragraph({ text: '' })]),
  ];
}

/**
 * The document as .docx bytes.
 * @param {AnnualDocument} doc
 * @returns {Promise<Buffer>}
 */
export async function annualDocx(doc) {
  /** @type {Record<number, { children: Paragraph[] }>} */
  const footnotes = {};
  let next = 1;
  const sentence = (/** @type {import('./annualDocument.js').Sentence} */ s) => {
    const id = next++;
    footnotes[id] = { children: [new Paragraph(s.source.note)] };
    return [new TextRun(`${s.text} `), new FootnoteReferenceRun(id)];
  };
  const flags = [doc.sample ? 'Exempeldata' : '', doc.profile === 'internal' ? 'Intern – får inte publiceras' : ''].filter(Boolean).join(' · ');
  /** @type {(Paragraph | Table | TableOfContents)[]} */
  const body = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph(`Uppföljning av säkerhetsprogrammet och Öppna jämförelser – krisberedskap${doc.organisation ? ` för ${doc.organisation}` : ''}.`),
    ...(doc.notice ? [new Paragraph({ children: [new TextRun({ text: doc.notice, bold: true, color: '8A1C00' })] })] : []),
    ...[['Organisation', doc.organisation || '–'], ['År', String(doc.year)], ['Program', doc.programme ?? 'Inget säkerhetsprogram gäller året'],
      ...doc.sources.map((s) => [s.label, sourceText(s)])]
      .map(([name, value]) => new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true }), new TextRun(value ?? '')] })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: false, children: [new TextRun('Innehåll')] }),
    new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-1' }),
  ];
  for (const [i, section] of doc.sections.entries()) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: i === 0, children: [new TextRun(section.title)] }));
    if (section.sentences.length) body.push(new Paragraph({ children: section.sentences.flatMap(sentence) }));
    if (!section.sentences.length && !section.tables.length && !section.paragraphs.length && section.empty) body.push(new Paragraph(section.empty));
    for (const t of section.tables) body.push(...table(t));
    for (const p of section.paragraphs) {
      body.push(new Paragraph({ keepLines: true, children: [new TextRun({ text: `${p.title}. `, bold: true }), ...p.sentences.flatMap(sentence)] }));
    }
  }
  const document = new Document({
    title: doc.title,
    creator: doc.organisation || 'Beredskapsuppföljning',
    description: 'Uppföljning av säkerhetsprogrammet och Öppna jämförelser – krisberedskap',
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: 'Calibri', size: 20 } } },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { italics: true, size: 18 }, paragraph: { keepNext: true, spacing: { before: 160, after: 60 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: 16, color: '444444' }, paragraph: { spacing: { before: 60, after: 200 } } },
      ],
    },
    footnotes,
    sections: [{
      properties: { page: { size: a4, margin } },
      headers: {
        default: new Header({ children: [new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
          children: [new TextRun({ text: runningHeader(doc), size: 16 }), new TextRun({ text: `\t${flags}`, size: 16, bold: true, color: '8A1C00' })],
        })] }),
      },
      footers: {
        default: new Footer({ children: [new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 16 })],
        })] }),
      },
      children: body,
    }],
  });
  return Packer.toBuffer(document);
}
