import {html} from "htl";
import {dataTable} from "./table.js";
import {number} from "./shared/format.js";
import {collapsible} from "./collapsible.js";

const topN = 10;
const weakText = (n, of) => (n === null || n === undefined ? "–" : `${number(n)} av ${number(of)}`);

/**
 * A year's ÖJ questions ranked by how many stadsdelsnämnder answered Nej or nothing (dash_oj_question_rank,
 * in rank order), against the year before in the same series: the weakest ten, the rest on request.
 * oj: the page's data (to name each question); newSeries: the ids that begin a series this year.
 */
export function questionRank(rows, {oj, year, newSeries}) {
  const areaTitle = new Map(oj.areas.map((a) => [a.area, a.title_sv]));
  const verksamhetTitle = new Map(oj.verksamheter.map((v) => [v.verksamhet, v.title_sv]));
  const indicator = new Map(oj.indicators.map((i) => [i.indicator_id, i]));
  const rankRows = rows.map((r) => ({
    ...r,
    fraga: `${areaTitle.get(indicator.get(r.indicator_id).area)} – ${verksamhetTitle.get(indicator.get(r.indicator_id).verksamhet)}`,
    weak: weakText(r.n_weak, r.n_units),
    previous: r.n_weak_previous === null ? (newSeries.has(r.indicator_id) ? "ny serie – inget att jämföra med" : "frågades inte") : weakText(r.n_weak_previous, r.n_units_previous)
  }));
  const columns = [
    {key: "fraga", label: "Fråga (område – verksamhet)"},
    {key: "rank", label: "Plats", num: true},
    {key: "weak", label: "Nej eller inget svar", num: true},
    {key: "n_nej", label: "Nej", num: true, format: number},
    {key: "n_unanswered", label: "Ej svar", num: true, format: number},
    {key: "n_no_row", label: "Inget svar i filen", num: true, format: number},
    {key: "previous", label: `Nej eller inget svar ${year - 1}`, num: true},
    {key: "responsible_text", label: "Ansvarar"}
  ];
  // A fragment, as the page once showed these one by one: html`` would wrap several nodes in a <span>.
  return html.fragment`${dataTable(rankRows.slice(0, topN), {
    caption: `De ${number(Math.min(topN, rankRows.length))} svagaste av ${number(rankRows.length)} frågor ${year}: antal stadsdelsnämnder med Nej eller inget svar`,
    filename: `oj-svagaste-fragor-${year}.csv`,
    columns
  })}${rankRows.length > topN ? collapsible(`Visa alla ${number(rankRows.length)} frågor ${year}`, dataTable(rankRows, {
    caption: `Alla frågor ${year}: antal stadsdelsnämnder med Nej eller inget svar`,
    filename: `oj-alla-fragor-${year}.csv`,
    columns
  })) : ""}`;
}
