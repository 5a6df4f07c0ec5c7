// Large page data travels by column: a list of rows becomes {"$columns": {name: [value, …], …}}, each
// key once instead of once per row, and a column of like values next to each other, which gzip packs
// three to five times tighter than the same rows as objects (Jämförelse's 5 000 positions: 67 kB → 25 kB).
// The loader writes it (src/dashboard/martLoader.js, runMartLoader's `columns` option), the page reads
// it back into the same rows: FileAttachment(…).json().then(fromColumns). Nothing is computed either way.

const marker = "$columns";

/** rows → columns, when every row is an object with the same keys (as a query's rows are); else rows. */
export function toColumns(rows) {
  if (!Array.isArray(rows) || rows.length === 0 || rows.some((r) => r === null || typeof r !== "object" || Array.isArray(r))) return rows;
  const keys = Object.keys(rows[0]);
  const sameKeys = (r) => {
    const k = Object.keys(r);
    return k.length === keys.length && k.every((key, i) => key === keys[i]);
  };
  if (!rows.every(sameKeys)) return rows;
  return {[marker]: Object.fromEntries(keys.map((key) => [key, rows.map((r) => r[key])]))};
}

/** An object's top-level values packed by toColumns back into rows; every other value as it was. */
export function fromColumns(data) {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, unpack(value)]));
}

function unpack(value) {
  const columns = value?.[marker];
  if (!columns || typeof columns !== "object") return value;
  const entries = Object.entries(columns);
  const n = entries.length ? entries[0][1].length : 0;
  return Array.from({length: n}, (_, i) => Object.fromEntries(entries.map(([key, column]) => [key, column[i]])));
}
