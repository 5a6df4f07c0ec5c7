// Swedish number and date formats for every page (sv-SE: decimal comma, space as thousands separator).
// One decimal, always: 89,7 % must not read as the 90 % target it falls short of, and every share on a
// page, in a report or a document has the same precision (70,0 % beside 92,1 %, not 70 %).
const percentFormat = new Intl.NumberFormat("sv-SE", {style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1});
const numberFormat = new Intl.NumberFormat("sv-SE");
const dateFormat = new Intl.DateTimeFormat("sv-SE", {dateStyle: "long"});

/** A share 0–1 as "57 %"; no data as "inga uppgifter", never 0 %. */
/** @param {number | null | undefined} share */
export const percent = (share) => (share === null || share === undefined ? "inga uppgifter" : percentFormat.format(share));
/** A share with its denominator, "57 % (n = 7)", and "få poster" when it rests on too few to read much into. */
export const shareWithN = (share, n, few) =>
  share === null || share === undefined ? "inga uppgifter" : `${percent(share)} (n = ${number(n)}${few ? ", få poster" : ""})`;
/** An axis tick of shares, in whole per cent ("80 %"): a scale mark, not a figure read off it. */
export const percentTick = (share) => new Intl.NumberFormat("sv-SE", {style: "percent", maximumFractionDigits: 0}).format(share);
export const number = (n) => (n === null || n === undefined ? "–" : numberFormat.format(n));
/** "2025-06-30" → "30 juni 2025". */
export const date = (iso) => (iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : "–");
const diffFormat = new Intl.NumberFormat("sv-SE", {maximumFractionDigits: 1, signDisplay: "exceptZero"});
/** A difference already in percentage points as the comparison tables print it: signed, one decimal, "–" when none. */
export const diffPoints = (v) => (v === null ? "–" : diffFormat.format(v));
/** Change in percentage points, signed: "+5 p.e.", "−3 p.e.". */
export const pointsChange = (d) =>
  d === null || d === undefined ? "–" : `${d > 0 ? "+" : d < 0 ? "−" : "±"}${numberFormat.format(Math.abs(Math.round(d * 100)))} p.e.`;

/** "riket" → "Riket": a label at the start of a cell or sentence. */
export const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
