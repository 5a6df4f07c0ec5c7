/**
 * A text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return),
 * made inert with a leading apostrophe. The one rule for every CSV and .xlsx this tool writes: source
 * files and self-assessments carry text typed by others, and a cell such as `=HYPERLINK(…)` must never
 * become a live formula on a reader's machine.
 * @param {string} text
 * @returns {string}
 */
export function neutralizeFormula(text) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A text as one CSV field: in quotes, its own quotes doubled, when it holds a quote, a line break or one
 * of `delimiters`; else as it is. The one quoting rule of every CSV and CSV line the tool writes.
 * @param {string} text
 * @param {string} [delimiters]
 * @returns {string}
 */
export function csvQuote(text, delimiters = ";") {
  return /["\n\r]/.test(text) || [...delimiters].some((d) => text.includes(d)) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV for Swedish spreadsheet users — the one writer used by the CLI, exports and the dashboard's
 * downloads: `;` by default, quotes where needed, and every text cell neutralised (neutralizeFormula).
 * options.bom starts the text with a byte-order mark, which Excel needs to read UTF-8 as UTF-8;
 * options.decimalSeparator writes numbers with a decimal comma, as Swedish Excel reads them with `;`.
 * @param {string[]} headers
 * @param {unknown[][]} rows
 * @param {string} [delimiter]
 * @param {{bom?: boolean, decimalSeparator?: string}} [options]
 * @returns {string}
 */
export function toCsv(headers, rows, delimiter = ";", options = {}) {
  const {bom = false, decimalSeparator = "."} = options;
  const field = (value) => {
    if (value === null || value === undefined) return "";
    let text = typeof value === "number" && decimalSeparator !== "." ? String(value).replace(".", decimalSeparator) : String(value);
    if (typeof value === "string") text = neutralizeFormula(text);
    return csvQuote(text, delimiter);
  };
  return (bom ? "\ufeff" : "") + [headers, ...rows].map((r) => r.map(field).join(delimiter)).join("\r\n") + "\r\n";
}
