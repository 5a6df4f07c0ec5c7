/**
 * CSV for Swedish spreadsheet users: `;` by default, quotes where needed, and text that a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return) neutralised with a leading '.
 * Numbers are written with a decimal point, as data, not as display text.
 */
export function toCsv(headers: string[], rows: unknown[][], delimiter = ';'): string {
  const field = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    let text = typeof value === 'number' ? String(value) : String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /["\n\r]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [headers, ...rows].map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n';
}
