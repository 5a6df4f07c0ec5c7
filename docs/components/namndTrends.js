import {html} from "htl";
import {dataTable} from "./table.js";
import {percent, number, shareWithN, capitalize} from "./shared/format.js";
import {basisLabel, notComparableLabel} from "./labels.js";
import {shareTrendChart, ojTrendChart} from "./trendChart.js";
import {collapsible} from "./collapsible.js";
import {yearRanges, listOf} from "./namndPage.js";
import {ojGapTrend} from "./ojGapTrend.js";
import {unitLink} from "./namndIntro.js";

// A nämnd's or bolag's trends over the years, each chart with its table: share met per fokusområde, the ÖJ
// gaps it is responsible for, and its ÖJ answers per area. data: the page's namnd/<unit>.json. Each returns
// a fragment, as the page once showed its parts one by one (html`` would wrap several nodes in a <span>).

/** Share met per fokusområde and year, the years without any data said in one line. */
export function shareTrend({data, meta, year, width, answersOj}) {
  const unit = data.unit;
  const shareRows = data.readiness.map((r) => ({...r, fokus: r.fokusomrade_title, not_comparable: notComparableLabel[r.not_comparable_reason] ?? ""}));
  // years without a share collapse into one line per fokusområde instead of rows of "inga uppgifter"
  const hasShare = (r) => r.share_met !== null || r.share_oj !== null || r.share_self !== null;
  const shownRows = shareRows.filter(hasShare);
  const shownFokus = meta.fokusomraden.map((f) => f.title_sv).filter((t) => shownRows.some((r) => r.fokus === t));
  // (a fokusområde published only city-wide is absent from a public page, not empty)
  const emptyYears = meta.fokusomraden.filter((f) => f.shown_per_unit).map((f) => f.title_sv)
    .map((t) => ({fokus: t, years: data.years.filter((y) => !shownRows.some((r) => r.fokus === t && r.year === y))}))
    .filter((e) => e.years.length);
  return html.fragment`${emptyYears.length ? html`<p class="empty-years"><strong>Inga uppgifter</strong> (varken ÖJ-svar eller självskattning): ${emptyYears.map((e, i) => html`${i ? "; " : ""}${e.fokus.toLowerCase()} ${yearRanges(e.years)}`)}.</p>` : ""}${shareTrendChart({
    rows: shownRows,
    targets: shownRows.filter((r) => r.target_share !== null),
    fokusTitles: shownFokus,
    year,
    width,
    caption: `Andel uppfyllt per fokusområde och år, ${unit.name}`,
    ariaLabel: `Linjediagram: andel uppfyllt per fokusområde och år för ${unit.name}, med målet som streckad linje`
  })}${collapsible(`Visa tabellen (${number(shownRows.length)} rader)`, dataTable(shownRows, {
    caption: `Andel uppfyllt per fokusområde och år, ${unit.name}`,
    filename: `andel-uppfyllt-${unit.unit_id}.csv`,
    columns: [
      {key: "year", label: "År"},
      {key: "fokus", label: "Fokusområde"},
      {key: "share_met", label: basisLabel.combined, num: true, format: (v, r) => shareWithN(v, r.n_applicable, r.few_items)},
      {key: "n_met", label: "Uppfyllda", num: true, format: number},
      ...(answersOj ? [{key: "share_oj", label: basisLabel.oj, num: true, format: (v, r) => shareWithN(v, r.n_oj, r.few_oj)}] : []),
      {key: "share_self", label: basisLabel.self, num: true, format: (v, r) => shareWithN(v, r.n_self, r.few_self)},
      {key: "target_share", label: "Mål", num: true, format: percent},
      {key: "not_comparable", label: "Ej jämförbart med året före"}
    ]
  }))}`;
}

/** The share of the ÖJ questions it is responsible for that are gaps, and the year's questions others answered. */
export function ojGapTrendSection({data, year, noun, width}) {
  const unit = data.unit;
  const questionsOfYear = data.ojQuestions.filter((q) => q.year === year);
  const fewOf = (n, of) => (n === null || n === undefined ? "–" : `brist hos ${number(n)} av ${number(of)}`);
  if (!data.ojGapTrend.length) return html`<p>${capitalize(noun)} ansvarar inte för några ÖJ-frågor.</p>`;
  return html.fragment`${html`<p>Andelen av de ÖJ-frågor ${noun} ansvarar för – egna svar, delade frågor och frågor som andra
    nämnder besvarat – som har brist (Nej, Delvis, Arbete pågår eller inget svar). Linjen bryts där frågorna
    ändrades (ny serie 2023); där jämförs inget med året före.</p>`}${ojGapTrend({rows: data.ojGapTrend, unitName: unit.name, width})}${questionsOfYear.length ? dataTable(questionsOfYear, {
    caption: `Frågor ${year} som ${unit.name} ansvarar för i andra nämnders svar: hos hur många av dem frågan har brist`,
    filename: `oj-fragor-ansvar-${unit.unit_id}-${year}.csv`,
    columns: [
      {key: "indicator_title", label: "Fråga"},
      {key: "n_gap", label: `${year}`, num: true, format: (v, r) => fewOf(v, r.n_units)},
      {key: "n_gap_previous", label: `${year - 1}`, num: true, format: (v, r) => (r.break_before ? "ny serie – jämförs inte" : fewOf(v, r.n_units_previous))},
      {key: "n_shared", label: "Delat ansvar med den svarande nämnden", num: true, format: (v, r) => `${number(v)} av ${number(r.n_units)}`}
    ]
  }) : ""}`;
}

/** Share Ja per ÖJ area and year, its predecessors' series apart, with the chart's data as a table. */
export function ojTrendSection({data, noun, width, answersOj, withPage}) {
  const unit = data.unit;
  if (!answersOj) {
    return html`<p><strong>${unit.kind === "stadsdelsnamnd" ? "Inga ÖJ-svar finns för nämnden (inga uppgifter)." : `${noun[0].toUpperCase()}${noun.slice(1)} besvarar inte ÖJ-enkäten.`}</strong>
    Andelen uppfyllt bygger därför bara på självskattningen.</p>`;
  }
  if (!data.ojTrend.length) {
    return html`<p>Nämnden finns inte längre. Dess ÖJ-svar över tid visas som föregångarens serie på sidan för
    ${data.successors.length ? listOf(data.successors.map((u) => unitLink(u, withPage))) : "den nämnd den uppgick i"}.</p>`;
  }
  const predecessors = [...new Set(data.ojTrend.filter((d) => d.via_unit_id).map((d) => d.via_name))];
  // The chart's data as a table: one row per year and source, one column per area.
  const areas = [...new Map(data.ojTrend.map((d) => [d.area, d.area_title])).entries()];
  const byRow = new Map();
  for (const d of data.ojTrend) {
    const source = d.via_unit_id ? `via ${d.via_name}` : unit.name;
    const row = byRow.get(`${d.year}|${source}`) ?? {year: d.year, source, breaks: []};
    row[d.area] = d.share_ja;
    if (d.break_before) row.breaks.push(d.area);
    byRow.set(`${d.year}|${source}`, row);
  }
  const trendRows = [...byRow.values()].map((r) => ({...r, breaks: r.breaks.join(", ")}));
  return html.fragment`${html`<p>Andel Ja per ÖJ-område och år.
    ${predecessors.length ? html`Före sammanslagningen visas föregångarnas svar som egna, streckade serier (${listOf(predecessors.map((n) => `via ${n}`))}); de läggs inte ihop. ` : ""}
    En prickad linje markerar en ny serie: frågorna om kontinuitetsplan och upphandling ändrades 2023 och jämförs inte över brottet.</p>`}${ojTrendChart({
    rows: data.ojTrend,
    ownName: unit.name,
    width,
    caption: `Andel Ja per ÖJ-område och år, ${unit.name}${predecessors.length ? " med föregångare" : ""}`,
    ariaLabel: `Linjediagram: andel Ja per ÖJ-område och år för ${unit.name}; föregångarnas serier streckade, ny serie 2023 markerad`
  })}${collapsible(`Visa tabellen (${number(trendRows.length)} rader)`, dataTable(trendRows, {
    caption: `Andel Ja per ÖJ-område och år, ${unit.name}`,
    filename: `oj-trend-${unit.unit_id}.csv`,
    columns: [
      {key: "year", label: "År"},
      {key: "source", label: "Svar från"},
      ...areas.map(([area, title]) => ({key: area, label: title, num: true, format: (v, r) => (r.breaks.includes(area) ? `${percent(v)} (ny serie)` : percent(v))})),
      {key: "breaks", label: "Ny serie"}
    ]
  }))}`;
}
