/**
 * The survey year from title rows and sheet names, else from the file name; or why it is unclear.
 * Each result sheet is asked on its own: two sheets that each name one year, and not the same one,
 * are a workbook of two years (a sheet copied in from last year's file), told with the sheets named.
 */
export function statedYear(resultSheets: { sheet: string; titleTexts: string[] }[], file: string): { year?: number; where?: string; problem?: string; disagree?: boolean } {
  const sheets = resultSheets.map(({ sheet, titleTexts }) => ({ sheet, years: yearsInText([sheet, ...titleTexts]) }));
  const byYear = new Map<number, string[]>();
  for (const s of sheets) if (s.years.length === 1) byYear.set(s.years[0]!, [...(byYear.get(s.years[0]!) ?? []), `"${s.sheet}"`]);
  if (byYear.size > 1) {
    const which = [...byYear].sort(([a], [b]) => a - b).map(([y, names]) => `${names.join(', ')} ${y}`).join('; ');
    return { disagree: true, problem: `bladen anger olika år (${which}); en fil ska gälla ett år: ta bort eller flytta det blad som gäller ett annat år, eller rätta dess rubrik` };
  }
  const fromTitles = [...new Set(sheets.flatMap((s) => s.years))].sort();
  if (fromTitles.length === 1) return { year: fromTitles[0], where: 'i rubrikerna' };
  const fromName = yearsInText([file.replace(/^.*[\\/]/, '')]);
  if (fromName.length === 1) return { year: fromName[0], where: 'i filnamnet' };
  return {
    problem: fromTitles.length > 1
      ? `året är oklart (rubrikerna nämner ${fromTitles.join(', ')}); ange --year`
      : 'året framgår varken av rubrikerna eller filnamnet; ange --year',
  };
}

/** Years named in title rows or a sheet name, e.g. "Öppna jämförelser 2024"; 2010–2039 only. */
export function yearsInText(texts: string[]): number[] {
  const years = new Set<number>();
  for (const t of texts) for (const m of t.matchAll(/(?<!\d)(20[1-3]\d)(?!\d)/g)) years.add(Number(m[1]));
  return [...years].sort();
}
