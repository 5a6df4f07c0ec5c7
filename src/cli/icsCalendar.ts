/**
 * A unit's deadlines as an iCalendar file (RFC 5545), for `beredskap report due --unit ENHET --format
 * ics`: one all-day event per deadline on its due date, which a calendar program imports or subscribes
 * to. Made from the report's own rows (the export's sheet Tidsfrister), so it says what the report says;
 * the same rows give the same bytes (DTSTAMP is the calendar's Per day, never now).
 */
import type { Row } from '../export/exportData.ts';
import type { Labels } from '../config/labels.ts';

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** A content line folded at 75 octets, continuation lines starting with a space; never inside a UTF-8 character. */
function fold(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const ch of line) {
    const limit = lines.length ? 74 : 75;
    if (Buffer.byteLength(current + ch) > limit) {
      lines.push(lines.length ? ` ${current}` : current);
      current = '';
    }
    current += ch;
  }
  lines.push(lines.length ? ` ${current}` : current);
  return lines;
}

const day = (iso: unknown) => String(iso).slice(0, 10).replace(/-/g, '');
const nextDay = (iso: unknown) => {
  const d = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
};

export function deadlinesIcs(rows: Row[], labels: Labels): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Beredskapsuppföljning//Tidsfrister//SV', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const r of rows) {
    const status = labels('due_status', r.due_status);
    const decision = r.decision_date ? ` Beslut ${String(r.decision_date).slice(0, 10)}${r.decision_ref ? ` (${String(r.decision_ref)})` : ''}.` : '';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${String(r.unit_id)}-${day(r.due_date)}-${escapeText(String(r.requirement_id))}@beredskapsuppfoljning`,
      `DTSTAMP:${day(r.reference_date)}T000000Z`,
      `DTSTART;VALUE=DATE:${day(r.due_date)}`,
      `DTEND;VALUE=DATE:${nextDay(r.due_date)}`,
      `SUMMARY:${escapeText(`${String(r.rule_title)} – ${String(r.unit_name)}`)}`,
      `DESCRIPTION:${escapeText(`Krav ${String(r.requirement_id)}: ${String(r.requirement_text)}. Per ${String(r.reference_date).slice(0, 10)}: ${status}.${decision}`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.flatMap(fold).join('\r\n')}\r\n`;
}
