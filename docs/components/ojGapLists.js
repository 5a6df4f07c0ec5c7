import {html} from "htl";
import {dataTable} from "./table.js";
import {number} from "./shared/format.js";
import {collapsible} from "./collapsible.js";
import {answerText} from "./ojMatrix.js";

// ÖJ-svar's gaps of a year, new, remaining and fixed (dash_oj_matrix's gap, since and previous per cell).

/**
 * The year's matrix rows (dash_oj_matrix), named and in name order, and its columns: one per ÖJ cell asked
 * that year with its area's and verksamhet's titles.
 */
export function ojYearMatrix({oj, ofYear, year}) {
  const unitName = new Map(oj.units.map((u) => [u.unit_id, u.name]));
  const areaTitle = new Map(oj.areas.map((a) => [a.area, a.title_sv]));
  const verksamhet = new Map(oj.verksamheter.map((v) => [v.verksamhet, v]));
  const indicator = new Map(oj.indicators.map((i) => [i.indicator_id, i]));
  const columns = oj.years.find((y) => y.year === year).cells.map((id) => {
    const i = indicator.get(id);
    return {id, area: i.area, areaTitle: areaTitle.get(i.area), short: verksamhet.get(i.verksamhet).short_sv, title: verksamhet.get(i.verksamhet).title_sv};
  });
  const rows = ofYear.matrix
    .filter((r) => r.year === year)
    .map((r) => ({...r, name: unitName.get(r.unit_id) ?? r.unit_id}))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return {columns, rows};
}

/** One row per gap of the year: unit, question, answer, status, since when and last year's answer. */
export function ojGapRows({rows, columns, newSeries, unitName}) {
  // last year's answers (dash_oj_matrix): the unit's own (unit_id null), or a merged unit's predecessors'
  const previousText = (p) =>
    p === null || p === undefined
      ? "inga uppgifter"
      : p.map(({unit_id, answer}) => unit_id ? `${unitName.get(unit_id) ?? unit_id}: ${answerText(answer)}` : answerText(answer)).join("; ");
  return rows.flatMap((r) => r.gap.flatMap((status, i) => status === null ? [] : [{
    namnd: r.name,
    omrade: columns[i].areaTitle,
    verksamhet: columns[i].title,
    svar: answerText(r.answers[i]),
    status,
    sedan: r.since[i],
    forra: newSeries.has(columns[i].id) ? "ny serie – inget att jämföra med" : previousText(r.previous[i])
  }]));
}

const nowrap = (text) => html`<span class="answer">${text}</span>`;
const previousCell = (text) => text.startsWith("ny serie") ? text : html`${text.split("; ").map((part, i) => html`${i ? "; " : ""}${nowrap(part)}`)}`;
const unitColumns = [
  {key: "namnd", label: "Nämnd"},
  {key: "omrade", label: "Område"},
  {key: "verksamhet", label: "Verksamhet"}
];
const lists = {
  ny: {caption: "Nya brister", file: "nya", columns: (year) => [
    {key: "svar", label: "Svar", format: nowrap},
    {key: "forra", label: `Svar ${year - 1}`, format: previousCell}
  ]},
  kvarstaende: {caption: "Kvarstående brister", file: "kvarstaende", columns: (year) => [
    {key: "svar", label: "Svar", format: nowrap},
    {key: "sedan", label: "Brist sedan", format: (v) => nowrap(`sedan ${v}`)},
    {key: "forra", label: `Svar ${year - 1}`, format: previousCell}
  ]},
  atgardad: {caption: "Åtgärdade brister", file: "atgardade", suffix: " (svaret är nu Ja)", columns: (year) => [
    {key: "forra", label: `Svar ${year - 1}`, format: previousCell},
    {key: "sedan", label: "Brist sedan", format: (v) => nowrap(`sedan ${v}`)}
  ]}
};

/** The gaps of one status, behind a summary with their number. suffix: the year and the nämnd chosen, for the file name. */
export function ojGapList(rows, status, {year, who, suffix}) {
  const list = lists[status];
  return collapsible(`Visa listan (${number(rows.length)} st)`, dataTable(rows, {
    caption: `${list.caption} ${year}${list.suffix ?? ""}, ${who}`,
    filename: `oj-${list.file}-brister-${suffix}.csv`,
    columns: [...unitColumns, ...list.columns(year)]
  }));
}

/** Whether the year begins a new series for some questions (and how many), or when the series broke. */
export function ojSeriesNote(newSeries, year) {
  return newSeries.size ? html`<p><strong>Ny serie ${year}:</strong> Socialstyrelsen reviderade frågorna om kontinuitetsplan och krisberedskap vid upphandling 2023. Svaren från 2023 jämförs inte med tidigare år: ${number(newSeries.size)} frågor börjar en ny serie i år, och deras brister räknas som nya.</p>` : html`<p>Frågorna om kontinuitetsplan och krisberedskap vid upphandling reviderades 2023 (ny serie): svar från 2023 och senare jämförs aldrig med svar före 2023.</p>`;
}
