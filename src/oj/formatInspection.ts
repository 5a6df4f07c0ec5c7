import { formatProblem, rowRanges } from '../text/problems.ts';
import type { OjColumnRole } from '../text/headerWords.ts';
import { flatHeader, type SheetReading, type SheetRole, type WorkbookReading } from './workbookReading.ts';

const roleLabels: Record<SheetRole, string> = {
  kommun_answers: 'kommunsvar',
  stadsdel_answers: 'stadsdelssvar',
  aggregate_shares: 'andelar för riket, län eller kommungrupp',
  description: 'beskrivning',
  ignored: 'ignorerat',
  unreadable: 'OLÄSBART',
};

const keyLabels: Record<OjColumnRole, string> = {
  stadsdel: 'stadsdel', kommun_code: 'kommunkod', kommun: 'kommun', lan_code: 'länskod', lan: 'län',
  code: 'kod (kommun eller län)', name: 'namn på enhet', n: 'antal svarande', ignore: 'känd kolumn, läses inte',
};

const count = (n: number, one: string, many: string) => `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;

function skipped(s: Pick<SheetReading, 'rowsSkipped'>): string {
  const { blank, note, heading, outside } = s.rowsSkipped;
  const cells = outside ? `, ${count(outside, 'cell', 'celler')} utanför tabellen (utan rubrik som läses)` : '';
  return `${count(blank, 'tom rad', 'tomma rader')}, ${count(note, 'anteckning', 'anteckningar')} (titel, källa, fotnot), ${count(heading, 'rubrikrad', 'rubrikrader')} utan värden${cells}`;
}

function columnLine(c: SheetReading['columns'][number], width: number): string {
  const header = flatHeader(c.header || '(tom rubrik)');
  const reading =
    c.reading === 'indicator' && c.indicatorId ? `→ ${c.indicatorId}${c.how === 'words' ? ' (ordmatchning)' : ''}`
      : c.reading === 'key' ? `→ nyckel: ${keyLabels[c.role!]}${c.how === 'content' ? ` (${c.note})` : ''}`
        : c.reading === 'unknown' ? `→ FEL: ${c.note}`
          : `→ läses inte: ${c.note}`;
  return `    ${c.column.padEnd(3)} ${header.padEnd(width)} ${reading}`;
}

/**
 * `beredskap inspect FILE` as text: the year and where it came from, then per sheet its role and why,
 * its header rows, what each column was read as, the rows read and skipped, and last every problem with
 * the line that would fix it. Pure, so a golden file pins it.
 */
export function formatInspection(reading: WorkbookReading): string {
  const lines: string[] = [];
  const answers = reading.sheets.reduce((n, s) => n + s.answers, 0);
  const shares = reading.sheets.reduce((n, s) => n + s.shares, 0);
  lines.push(`Fil: ${reading.file}`);
  lines.push(`År: ${reading.year ?? 'okänt'}${reading.yearSource ? ` (${reading.yearSource})` : ''}`);
  lines.push(`Läst: ${count(reading.rowsRead, 'rad', 'rader')} – ${count(answers, 'svar', 'svar')} och ${count(shares, 'publicerad andel', 'publicerade andelar')}; hoppade över ${skipped(reading)}.`);
  for (const s of reading.sheets) {
    lines.push('');
    lines.push(`Blad "${s.sheet}": ${s.roles.map((r) => roleLabels[r]).join(' + ') || 'ignorerat'}`);
    lines.push(`  varför: ${s.reason}`);
    if (!s.headerRows.length) continue;
    lines.push(`  rubrikrader: ${rowRanges(s.headerRows)}`);
    const width = Math.min(60, Math.max(...s.columns.map((c) => flatHeader(c.header || '(tom rubrik)').length)));
    lines.push('  kolumner:');
    for (const c of s.columns) lines.push(columnLine(c, width));
    const scale = s.shareScale ? `; andelar skrivna som ${s.shareScale === 'fraction' ? 'bråk (0,57 = 57 %)' : 'procent'}` : '';
    lines.push(`  rader: ${count(s.rowsRead, 'läst', 'lästa')} (${count(s.answers, 'svar', 'svar')}, ${count(s.shares, 'andel', 'andelar')})${scale}; hoppade över ${skipped(s)}`);
  }
  lines.push('');
  if (reading.notes.length) {
    lines.push('Tolkat utifrån innehållet:');
    for (const n of reading.notes) lines.push(`  ${n}`);
    lines.push('');
  }
  if (reading.problems.length) {
    lines.push(`${count(reading.problems.length, 'problem', 'problem')} – filen kan inte importeras förrän de är åtgärdade:`);
    for (const p of reading.problems) lines.push(`  ${formatProblem(p)}`);
  } else {
    lines.push('Inga problem: filen kan importeras med `beredskap import oj FIL`.');
  }
  return `${lines.join('\n')}\n`;
}
