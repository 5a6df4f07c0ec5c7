import {html} from "htl";
import {dataTable} from "./table.js";
import {percent, number, shareWithN} from "./shared/format.js";
import {basisLabel, differenceLabel, notGradedLabel} from "./labels.js";
import {periodLabel, attainment} from "./namndSection.js";

// A nämnd's or bolag's year in tables: its reports' movement, its shares by basis, its two måluppfyllelse
// figures and its programme's own areas. page: {unit, year, exceptHidden, internal, profile}.

/** Open requirements per report of the year: new, remaining and fixed since the report before (dash_namnd_…_period). */
export function periodMovementTable(periods, {unit, year, exceptHidden}) {
  const periodRows = periods.filter((m) => m.year === year).map((m) => ({...m, period_text: periodLabel[m.period] ?? m.period}));
  return periodRows.length === 0
    ? html`<p>Ingen självskattning ${year} (inga uppgifter).</p>`
    : dataTable(periodRows, {
        caption: `Öppna krav i självskattningen per rapport ${year}, ${unit.name}${exceptHidden}: nya, kvarstående och åtgärdade sedan rapporten före`,
        filename: `rorelse-${unit.unit_id}-${year}.csv`,
        columns: [
          {key: "period_text", label: "Rapport"},
          {key: "n_open", label: "Öppna", num: true, format: number},
          {key: "n_new", label: "Nya", num: true, format: number},
          {key: "n_remaining", label: "Kvarstående", num: true, format: number},
          {key: "n_fixed", label: "Åtgärdade", num: true, format: number},
          {key: "n_overdue", label: "Försenade vid periodens slut", num: true, format: number}
        ]
      });
}

/** ÖJ-only, self-assessment-only and combined shares per fokusområde, each with its n (dash_namnd_readiness). */
export function basisShareTable(readiness, {unit, year, profile}) {
  const sideRows = readiness.filter((r) => r.year === year);
  return sideRows.length === 0
    ? html`<p>Inga uppgifter ${year}${profile === "public" ? " som får visas publikt" : ""}.</p>`
    : dataTable(sideRows, {
        caption: `Andel uppfyllt per fokusområde ${year}, ${unit.name}: ÖJ-svar, självskattning och sammantaget, var för sig`,
        filename: `andel-per-underlag-${unit.unit_id}-${year}.csv`,
        columns: [
          {key: "fokusomrade_title", label: "Fokusområde"},
          {key: "share_oj", label: basisLabel.oj, num: true, format: (v, r) => shareWithN(v, r.n_oj, r.few_oj)},
          {key: "share_self", label: basisLabel.self, num: true, format: (v, r) => shareWithN(v, r.n_self, r.few_self)},
          {key: "share_met", label: basisLabel.combined, num: true, format: (v, r) => shareWithN(v, r.n_applicable, r.few_items)},
          {key: "n_disagree", label: "Krav där källorna säger olika", num: true, format: number}
        ]
      });
}

/**
 * Nämndens bedömning beside beräknad andel uppfyllt and its grade per goal (dash_namnd_goal); the motivering
 * only internally. targetIsExample: the targets are the configuration's examples.
 */
export function namndGoalTable(goals, {unit, year, internal, targetIsExample}) {
  const goalRows = goals
    .filter((g) => g.year === year)
    .map((g) => ({
      ...g,
      judgement_text: g.namndens_bedomning ? `${attainment(g.namndens_bedomning)} (${periodLabel[g.bedomning_period] ?? g.bedomning_period})` : "ingen bedömning",
      computed_text: g.beraknad_maluppfyllelse ? attainment(g.beraknad_maluppfyllelse) : g.goal === "samtliga" && !internal ? "visas inte publikt" : notGradedLabel[g.not_graded_reason] ?? "inga uppgifter",
      difference_text: differenceLabel[g.difference] ?? ""
    }));
  return goalRows.length
    ? dataTable(goalRows, {
        caption: `Nämndens bedömning och beräknad andel uppfyllt per mål ${year}, ${unit.name}`,
        filename: `maluppfyllelse-${unit.unit_id}-${year}.csv`,
        columns: [
          {key: "goal_title", label: "Mål"},
          {key: "judgement_text", label: "Nämndens bedömning"},
          {key: "beraknad_andel_uppfyllt", label: "Beräknad andel uppfyllt", num: true, format: (v, r) => (r.goal === "samtliga" && !internal ? "visas inte publikt" : percent(v))},
          {key: "n_applicable", label: "n (tillämpliga)", num: true, format: number},
          {key: "target_share", label: targetIsExample ? "Mål för andelen (exempel)" : "Mål för andelen", num: true, format: (v) => (v === null ? "–" : percent(v))},
          {key: "computed_text", label: "Beräknad måluppfyllelse"},
          {key: "difference_text", label: "Bedömning mot beräkning"},
          ...(internal ? [{key: "motivering", label: "Motivering"}] : [])
        ]
      })
    : html`<p>Inga uppgifter om måluppfyllelse ${year}.</p>`;
}

/** The year's self-assessment in its own programme's areas (dash_namnd_programme_area), or why there is none. */
export function programmeAreaTable({readiness, programmeAreas}, {unit, year, profile}) {
  const programmeVersion = readiness.find((r) => r.year === year)?.programme_version ?? null;
  const areaRows = programmeAreas.filter((a) => a.year === year);
  return programmeVersion === null && readiness.some((r) => r.year === year)
    ? html`<p><strong>Inget säkerhetsprogram gällde ${year}.</strong> Året visas (ÖJ-svaren ger andelar) men graderas inte.</p>`
    : areaRows.length === 0
    ? html`<p>Ingen självskattning ${year} (inga uppgifter)${profile === "public" ? " som får visas publikt" : ""}.</p>`
    : dataTable(areaRows, {
        caption: `${areaRows[0].programme_title}: självskattningen ${year} i programmets egna områden, med motsvarande fokusområde i dag, ${unit.name}`,
        filename: `programomraden-${unit.unit_id}-${year}.csv`,
        columns: [
          {key: "programme_area_title", label: "Programmets område"},
          {key: "share_met", label: "Andel uppfyllt", num: true, format: percent},
          {key: "n_met", label: "Uppfyllda", num: true, format: number},
          {key: "n_applicable", label: "n (tillämpliga)", num: true, format: number},
          {key: "fokusomrade_title", label: "Motsvarar fokusområde", format: (v) => v ?? "inget av de fyra"}
        ]
      });
}
