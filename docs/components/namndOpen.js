import {html} from "htl";
import {dataTable} from "./table.js";
import {number, date} from "./shared/format.js";
import {statusLabel, answerLabel} from "./labels.js";
import {periodLabel} from "./namndSection.js";
import {collapsible} from "./collapsible.js";

// What is open for a nämnd or bolag in a year: every count is its row of unit_year_count (one count per
// question, the same in every report and export); the lists are the rows it counts.
// page: {unit, year, count, periodName, noun, isBolag, exceptHidden, internal}, as the page derives them.

/** Open requirements, overdue actions and ÖJ gaps it is responsible for, as three cards. */
export function openCards({count, year, periodName, noun, isBolag, exceptHidden}) {
  const selfPeriod = count?.self_period;
  const ojHas = count?.n_oj_open !== null && count?.n_oj_open !== undefined;
  return html`<div class="grid grid-cols-3">
  <div class="card"><h3>Öppna krav i självskattningen</h3><span class="big">${selfPeriod ? number(count.n_open) : "–"}</span>
    <p>${selfPeriod ? `av ${number(count.n_requirements)} tillämpliga krav${exceptHidden}, ${periodName}` : `ingen självskattning ${year}`}</p></div>
  <div class="card"><h3>Försenade åtgärder</h3><span class="big">${selfPeriod ? number(count.n_overdue) : "–"}</span>
    <p>${selfPeriod ? `öppna krav vars klart-senast-datum hade passerat när perioden slutade (${periodName})` : `ingen självskattning ${year}`}</p></div>
  <div class="card"><h3>ÖJ-frågor med brist som ${noun} ansvarar för</h3><span class="big">${ojHas ? number(count.n_oj_open) : "–"}</span>
    <p>${ojHas
      ? `ÖJ ${year}${count.n_oj_open_questions !== count.n_oj_open ? `, i ${number(count.n_oj_open_questions)} frågor` : ""}${count.n_oj_open_shared ? `, varav ${number(count.n_oj_open_shared)} delade med annan nämnd` : ""}`
      : isBolag ? "bolaget besvarar inte ÖJ" : `inga ÖJ-frågor ${year} som ${noun} ansvarar för`}</p></div>
</div>`;
}

/** The requirements not met in the year's latest report (dash_namnd_self_gap); owners, actions and dates only internally. */
export function selfGapTable(selfGaps, {unit, year, count, periodName, exceptHidden, internal}) {
  const selfRows = selfGaps
    .filter((g) => g.year === year)
    .map((g) => ({
      ...g,
      status_text: statusLabel[g.status] ?? g.status,
      since_text: g.gap_status === "ny" ? `ny i ${periodName}` : `sedan ${[periodLabel[g.since_period], g.since_year].filter(Boolean).join(" ")}`
    }));
  return !count?.self_period
    ? html`<p>Ingen självskattning ${year} (inga uppgifter).</p>`
    : selfRows.length === 0
    ? html`<p>Inga öppna krav i ${periodName}${exceptHidden}.</p>`
    : dataTable(selfRows, {
        caption: `Krav som inte är uppfyllda i ${periodName}, ${unit.name} (${number(count.n_open)} st${exceptHidden})`,
        filename: `brister-sjalvskattning-${unit.unit_id}-${year}.csv`,
        columns: [
          {key: "requirement_text", label: "Krav"},
          {key: "status_text", label: "Status", format: (v) => html`<span class="answer">${v}</span>`},
          {key: "since_text", label: "Öppen sedan"},
          // Owners, actions, comments and dates are published only in an internal build.
          ...(internal ? [
            {key: "owner", label: "Ansvarig"},
            {key: "due_date", label: "Klart senast", format: (v, r) => (r.overdue ? html`<span class="overdue">${date(v)}, försenad</span>` : date(v))},
            {key: "planned_action", label: "Åtgärd"},
            {key: "comment", label: "Kommentar"}
          ] : [])
        ]
      });
}

// a long list opens with its first rows; the whole list is one click away
const firstRows = 10;
const ojColumns = [
  {key: "indicator_title", label: "Fråga"},
  {key: "answering_name", label: "Besvarad av"},
  {key: "answer_text", label: "Svar", format: (v) => html`<span class="answer">${v}</span>`},
  {key: "since_text", label: "Brist sedan"},
  {key: "owner_reason", label: "Varför här"},
  {key: "shared_with", label: "Delas med", format: (v) => v ?? "–"}
];
const ojShown = (rows) => rows.map((g) => ({
  ...g,
  answer_text: answerLabel[g.answer] ?? g.answer,
  since_text: g.gap_status === "ny" ? `ny ${g.year}` : `sedan ${g.since_year}`
}));

/**
 * The ÖJ gaps it is responsible for in the year (dash_namnd_oj_gap), with the reason, and apart, on
 * request, those it answered but another nämnd is responsible for. answersOj: it answers ÖJ itself;
 * responsibleOj: it has an ÖJ gap list at all.
 */
export function ojGapTables(ojGaps, {unit, year, count, noun, isBolag, answersOj, responsibleOj}) {
  const ojHas = count?.n_oj_open !== null && count?.n_oj_open !== undefined;
  const ojOwned = ojGaps.filter((g) => g.year === year && g.role !== "annan_ansvarar");
  const ojOthers = ojGaps.filter((g) => g.year === year && g.role === "annan_ansvarar");
  const owned = !responsibleOj
    ? html`<p>${isBolag ? "Bolaget besvarar inte ÖJ-enkäten och ansvarar inte för några ÖJ-frågor." : unit.kind === "stadsdelsnamnd" ? "Inga ÖJ-svar finns för nämnden (inga uppgifter)." : "Nämnden besvarar inte ÖJ-enkäten och ansvarar inte för några ÖJ-frågor som andra nämnder besvarar."}</p>`
    : !ojHas
    ? html`<p>Inga ÖJ-svar ${year} som ${noun} ansvarar för (inga uppgifter).</p>`
    : ojOwned.length === 0
    ? html`<p>Inga ÖJ-frågor med brist ${year} som ${noun} ansvarar för.</p>`
    : html`${answersOj ? "" : html`<p>${unit.name} besvarar inte ÖJ-enkäten själv, men ansvarar för frågor som stadsdelsnämnderna besvarar: de står här med skälet (se <a href="../metod">Metod</a>).</p>`}
    ${dataTable(ojShown(ojOwned.slice(0, firstRows)), {
      caption: `ÖJ-frågor besvarade med Nej, Delvis, Arbete pågår eller inte besvarade ${year} som ${unit.name} ansvarar för${ojOwned.length > firstRows ? `: de första ${number(firstRows)} av ${number(count.n_oj_open)}` : ` (${number(count.n_oj_open)} st)`}`,
      filename: `oj-brister-${unit.unit_id}-${year}-urval.csv`,
      columns: ojColumns
    })}
    ${ojOwned.length > firstRows ? collapsible(`Visa alla ${number(count.n_oj_open)} ÖJ-frågor med brist ${year}`, dataTable(ojShown(ojOwned), {
      caption: `Alla ÖJ-frågor med brist ${year} som ${unit.name} ansvarar för (${number(count.n_oj_open)} st)`,
      filename: `oj-brister-${unit.unit_id}-${year}.csv`,
      columns: ojColumns
    })) : ""}`;
  // A fragment, as the page once showed these one by one: html`` would wrap several nodes in a <span>.
  return html.fragment`${owned}${ojOthers.length ? collapsible(`Frågor ${noun} besvarat men som en annan nämnd ansvarar för (${number(ojOthers.length)} st, ÖJ ${year})`, dataTable(ojShown(ojOthers), {
    caption: `ÖJ-frågor med brist ${year} som ${unit.name} besvarat men en annan nämnd ansvarar för`,
    filename: `oj-brister-andra-ansvariga-${unit.unit_id}-${year}.csv`,
    columns: [...ojColumns.filter((c) => c.key !== "answering_name" && c.key !== "shared_with"), {key: "owner_name", label: "Ansvarar"}]
  })) : ""}`;
}
