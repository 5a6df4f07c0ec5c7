// Swedish number and date formats for every page (sv-SE: decimal comma, space as thousands separator).
// One decimal where there is one: 89,7 % must not read as the 90 % target it falls short of.
const percentFormat = new Intl.NumberFormat("sv-SE", {style: "percent", maximumFractionDigits: 1});
const numberFormat = new Intl.NumberFormat("sv-SE");
const dateFormat = new Intl.DateTimeFormat("sv-SE", {dateStyle: "long"});

/** A share 0–1 as "57 %"; no data as "inga uppgifter", never 0 %. */
/** @param {number | null | undefined} share */
export const percent = (share) => (share === null || share === undefined ? "inga uppgifter" : percentFormat.format(share));
export const number = (n) => (n === null || n === undefined ? "–" : numberFormat.format(n));
/** "2025-06-30" → "30 juni 2025". */
export const date = (iso) => (iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : "–");
/** Change in percentage points, signed: "+5 p.e.", "−3 p.e.". */
export const pointsChange = (d) =>
  d === null || d === undefined ? "–" : `${d > 0 ? "+" : d < 0 ? "−" : "±"}${numberFormat.format(Math.abs(Math.round(d * 100)))} p.e.`;

/** ÖJ answers as text and symbol: colour is never the only carrier of meaning. */
export const answerLabel = {
  ja: "✔ Ja",
  nej: "✖ Nej",
  delvis: "◐ Delvis",
  pagar: "◔ Pågår",
  ej_aktuellt: "– Ej aktuellt",
  ej_svar: "? Ej svar"
};
export const statusLabel = {
  uppfyllt: "✔ Uppfyllt",
  delvis: "◐ Delvis",
  ej_uppfyllt: "✖ Ej uppfyllt",
  ej_aktuellt: "– Ej aktuellt",
  ej_svar: "? Ej svar"
};
export const gapLabel = {ny: "Ny", kvarstaende: "Kvarstående", atgardad: "Åtgärdad"};
export const attainmentLabel = {helt: "● Helt", delvis: "◐ Delvis", ej: "○ Ej"};
export const sourceKindLabel = {
  oj_workbook: "ÖJ-arbetsbok",
  oj_csv: "ÖJ, långt format (CSV)",
  self_assessment: "Självskattning",
  kolada: "Kolada",
  unit_judgement: "Nämndens bedömning (ledningssystemet)"
};
export const unitKindLabel = {
  kommun: "kommun",
  stadsdelsnamnd: "stadsdelsnämnd",
  facknamnd: "facknämnd",
  kommunstyrelse: "kommunstyrelse",
  socialnamnd_gbg: "socialnämnd (Göteborg)",
  bolag: "bolag"
};
/** Nämnder and bolag are counted apart, never together. */
export const unitGroupLabel = {namnd: "Nämnder", bolag: "Bolag"};
/** The two måluppfyllnad figures, named apart everywhere. */
export const measureLabel = {bedomning: "Nämndens bedömning", beraknad: "Beräknad måluppfyllnad"};
/** The city's position against a comparison group, with a sign so colour is not needed. */
export const positionLabel = {over: "▲ Över", lika: "= Lika", under: "▼ Under"};
export const findingLabel = {
  sjalv_uppfyllt_oj_nej: "Självskattat uppfyllt, men ÖJ svarar Nej",
  sjalv_ej_uppfyllt_oj_ja: "Självskattat ej uppfyllt, men ÖJ svarar Ja",
  bedomning_hogre: "Nämndens bedömning högre än den beräknade",
  bedomning_lagre: "Nämndens bedömning lägre än den beräknade"
};
