import { execFileSync } from 'node:child_process';
import { sectionTitles } from '../annual/annualDocument.js';

/**
 * A printed PDF read back with poppler: whether its pages are A4, and each page's text (pdftotext
 * -layout), for the checks of a printed annual follow-up.
 */
export function pdfPages(path: string): { a4: boolean; pages: string[] } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').slice(0, count);
  return { a4: /Page size:.*\(A4\)/.test(info), pages };
}

/**
 * What is wrong with a printed annual follow-up of `year`: more than 12 pages, a page without the
 * running header (title, Exempeldata) or its "Sida N av M", a section missing, or a table's caption as
 * the last line of a page, apart from its table. Empty when nothing is.
 */
export function printProblems(path: string, year: number): string[] {
  const { a4, pages } = pdfPages(path);
  const problems = [...(a4 ? [] : ['inte A4']), ...(pages.length > 12 ? [`${pages.length} sidor`] : [])];
  pages.forEach((page, i) => {
    if (!page.includes(`Årsuppföljning ${year}`) || !page.includes('Exempeldata')) problems.push(`sidan ${i + 1} saknar sidhuvudet`);
    if (!page.includes(`Sida ${i + 1} av ${pages.length}`)) problems.push(`sidan ${i + 1} saknar sidnumret`);
    const last = page.split('\n').filter((l) => l.trim() && !/Sida \d+ av \d+/.test(l)).at(-1)?.trim() ?? '';
    if (/^(Nämndens bedömning \d|Andel Ja-svar|Krav som oftast inte är uppfyllda \d|Nämnder \d|Bolag \d|Nämnder och bolag som saknar)/.test(last)) {
      problems.push(`sidan ${i + 1} slutar med en tabellrubrik: ${last}`);
    }
  });
  const text = pages.join('\n');
  for (const title of Object.values(sectionTitles)) if (!text.includes(title)) problems.push(`avsnittet saknas: ${title}`);
  return problems;
}
