import {html} from "htl";
import {dataTable} from "./table.js";
import {date, number} from "./shared/format.js";
import {dueStatusLabel, unitGroupLabel} from "./labels.js";

const explanation = html`<p>En tidsfrist följer av reglerna (till exempel risk- och sårbarhetsanalysen till
  länsstyrelsen senast 31 oktober året efter valår). Den är uppfylld i tid med ett beslut – beslutsdatum och
  diarienummer i självskattningen – daterat från periodens början till tidsfristen; ett beslut från förra
  mandatperioden räknas inte. En <em>passerad tidsfrist</em> är inte detsamma som en <em>försenad</em> åtgärd,
  som gäller datum som nämnden själv planerat. Se <a href="../metod">Metod</a>.</p>`;

/**
 * A nämnd's or bolag's deadlines of a year (dash_namnd_due rows), per the last day of the year's latest
 * reported period – said on the page, never today's date: the current period's deadlines already passed
 * and those due in the next 12 months. Counts from the unit's row of unit_year_count (`count`). The
 * internal build shows how each was met and the decision; the public one the deadlines and counts only.
 */
export function dueCalendarSection({rows, count, year, unit, internal, exceptHidden}) {
  const per = rows[0]?.reference_date;
  if (!per || count?.n_due === null || count?.n_due === undefined) {
    return html`<h3>Tidsfrister</h3><p>Inga tidsfrister för ${unit.name} ${year}${exceptHidden} (kalendern räknas per slutet av årets senast rapporterade period).</p>`;
  }
  const shown = rows.map((r) => ({...r, when: r.is_passed ? `passerad per ${date(per)}` : "inom 12 månader"}));
  return html`<h3>Tidsfrister per ${date(per)}</h3>
    <p>Per ${date(per)}: <strong>${number(count.n_due_passed)}</strong> passerade tidsfrister utan beslut och
      <strong>${number(count.n_due_coming)}</strong> som infaller inom 12 månader utan beslut ännu${exceptHidden}.</p>
    ${explanation}
    ${dataTable(shown, {
      caption: `Tidsfrister för ${unit.name} per ${date(per)}: passerade under perioden och de som infaller inom 12 månader${exceptHidden}`,
      filename: `tidsfrister-${unit.unit_id}-${year}.csv`,
      columns: [
        {key: "rule_title", label: "Tidsfrist"},
        {key: "requirement_text", label: "Krav"},
        {key: "due_date", label: "Senast", format: (v) => date(v)},
        {key: "when", label: "Passerad eller kommande"},
        // How each was met and the decision are published only in an internal build.
        ...(internal ? [
          {key: "due_status", label: "Läge", format: (v) => (v === "passerad" ? html`<span class="overdue">${dueStatusLabel[v]}</span>` : dueStatusLabel[v] ?? "–")},
          {key: "decision_date", label: "Beslut", format: (v, r) => (v ? `${date(v)}${r.decision_ref ? ` (${r.decision_ref})` : ""}` : "–")}
        ] : [])
      ]
    })}
    ${internal ? "" : html`<p>Den publika versionen visar tidsfristerna och antalen men inte hur varje tidsfrist uppfyllts eller vilka beslut som redovisats.</p>`}`;
}

/**
 * Stadsledning's deadlines of a year (dash_due_city rows): per deadline and due date, how many nämnder –
 * and apart, bolag – have a decision ("beslut hos 8 av 11 nämnder"), and in the internal build who has not.
 */
export function cityDueSection({rows, year, internal}) {
  const per = rows[0]?.reference_date;
  if (!per) return html`<h2>Tidsfrister</h2><p>Inga tidsfrister för ${year}: kalendern räknas per slutet av årets senast rapporterade period, och ${year} har ingen självskattning.</p>`;
  const groupWord = (r) => (r.unit_group === "bolag" ? "bolag" : r.n_units === 1 ? "nämnd" : "nämnder");
  const sentence = (r) => html`<li><strong>${r.rule_title}</strong>, senast ${date(r.due_date)}${r.is_passed ? " (passerad)" : ""}, ${unitGroupLabel[r.unit_group].toLowerCase()}:
    beslut redovisat av ${number(r.n_i_tid + r.n_sent)} av ${number(r.n_units)} ${groupWord(r)}${r.n_sent ? ` (${number(r.n_sent)} efter tidsfristen)` : ""}${
    internal && r.without_decision ? `; utan beslut: ${r.without_decision}` : ""}.</li>`;
  return html`<h2>Tidsfrister per ${date(per)}</h2>
    <p>Tidsfristerna under perioden som redan passerat och de som infaller inom 12 månader, per ${date(per)} (slutet av
      årets senast rapporterade period): hur många nämnder och bolag som redovisat ett beslut. Nämnder och bolag räknas var för sig.</p>
    <ul>${rows.map(sentence)}</ul>
    ${dataTable(rows, {
      caption: `Tidsfrister per ${date(per)}: nämnder och bolag med beslut`,
      filename: `stadsledning-tidsfrister-${year}.csv`,
      columns: [
        {key: "rule_title", label: "Tidsfrist"},
        {key: "due_date", label: "Senast", format: (v) => date(v)},
        {key: "unit_group", label: "Enheter", format: (v) => unitGroupLabel[v]},
        {key: "n_i_tid", label: dueStatusLabel.i_tid, num: true, format: number},
        {key: "n_sent", label: dueStatusLabel.sent, num: true, format: number},
        {key: "n_passerad", label: dueStatusLabel.passerad, num: true, format: number},
        {key: "n_kommande", label: dueStatusLabel.kommande, num: true, format: number},
        {key: "n_units", label: "Antal", num: true, format: number},
        ...(internal ? [{key: "without_decision", label: "Utan beslut", format: (v) => v ?? "–"}] : [])
      ]
    })}
    ${internal ? "" : html`<p>Den publika versionen visar antalen, inte vilka nämnder och bolag som saknar beslut.</p>`}`;
}
