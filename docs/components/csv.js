/**
 * CSV for Swedish spreadsheet users — the one writer used by the CLI, exports and the dashboard's
 * downloads: `;` by default, quotes where needed, and any text cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) neutralised with a leading apostrophe.
 * @param {string[]} headers
 * @param {unknown[][]} rows
 * @param {string} [delimiter]
 * @returns {string}
 */
export function toCsv(headers, rows, delimiter = ";") {
  const field = (value) => {
    if (value === null || value === undefined) return "";
    let text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /["\n\r]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [headers, ...rows].map((r) => r.map(field).join(delimiter)).join("\r\n") + "\r\n";
}
