import {html} from "htl";
import {dataTable} from "./table.js";
import {date, number} from "./shared/format.js";
import {actionStatusLabel, answerLabel} from "./labels.js";

/**
 * A nämnd's action plan for the ÖJ gaps it is responsible for in a year (dash_namnd_oj_action rows; each
 * gap once, a shared one on every owner's page): how many have an action, are done, have none (the
 * unit's row of unit_year_count, `count`), and in the internal build every gap with its action, owner,
 * date and status – a gap without an action listed as such. The public build shows the counts only.
 */
export function actionPlanSection({rows, count, year, unit, internal}) {
  if (count?.n_oj_open === null || count?.n_oj_open === undefined) return "";
  const heading = html`<h3>Åtgärdsplan för ÖJ-brister ${year}</h3>`;
  if (count.n_oj_open === 0) return html`${heading}<p>Inga ÖJ-brister ${year} att planera åtgärder för.</p>`;
  const shown = rows.map((r) => ({...r, answer_text: answerLabel[r.answer] ?? r.answer}));
  return html`${heading}
    <p><strong>${number(count.n_oj_with_action)}</strong> av ${number(count.n_oj_open)} ÖJ-brister har en åtgärd i
      ${unit.name}s åtgärdsplan, varav ${number(count.n_oj_action_done)} klara; <strong>${number(count.n_oj_without_action)}</strong> är utan åtgärd.
      Planen skrivs med <code>beredskap template action-plan</code> och läses in med <code>beredskap import action-plan</code>.</p>
    ${internal
      ? dataTable(shown, {
          caption: `ÖJ-brister ${year} som ${unit.name} ansvarar för, med åtgärd enligt åtgärdsplanen (${number(count.n_oj_open)} st, ${number(count.n_oj_without_action)} utan åtgärd)`,
          filename: `atgardsplan-${unit.unit_id}-${year}.csv`,
          columns: [
            {key: "indicator_title", label: "Fråga"},
            {key: "answering_name", label: "Besvarad av"},
            {key: "answer_text", label: "Svar", format: (v) => html`<span class="answer">${v}</span>`},
            {key: "action", label: "Åtgärd", format: (v) => v ?? html`<strong>ingen åtgärd</strong>`},
            {key: "action_owner", label: "Ansvarig", format: (v) => v ?? "–"},
            {key: "due_date", label: "Klart senast", format: (v) => date(v)},
            {key: "action_status", label: "Status", format: (v) => actionStatusLabel[v] ?? "–"},
            {key: "comment", label: "Kommentar", format: (v) => v ?? "–"}
          ]
        })
      : html`<p>Den publika versionen visar bara antalen: inte åtgärder, ansvariga eller datum.</p>`}`;
}
