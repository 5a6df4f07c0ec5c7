// The words pages show for stored codes, from one table: data/labels.csv → dash_label → data/labels.json.
// Each object maps a code to its text, symbol first ("ja" → "✔ Ja"); the configuration check gives every
// code a label, so a page never shows a raw code or "undefined".
import {FileAttachment} from "observablehq:stdlib";

const {labels: rows} = await FileAttachment("../data/labels.json").json();
const domain = (name, field = "text") => Object.fromEntries(rows.filter((r) => r.domain === name).map((r) => [r.code, r[field]]));

/** ÖJ answers as text and symbol: colour is never the only carrier of meaning. */
export const answerLabel = domain("answer");
export const statusLabel = domain("status");
/** What a share is computed from: ÖJ answers, self-assessments or both. */
export const basisLabel = domain("basis");
export const gapLabel = domain("gap");
export const attainmentLabel = domain("attainment");
/** The words alone, where a chart's legend draws its own symbols. */
export const attainmentWord = domain("attainment", "label");
export const sourceKindLabel = domain("source_kind");
export const unitKindLabel = domain("unit_kind");
/** Nämnder and bolag are counted apart, never together. */
export const unitGroupLabel = domain("unit_group");
/** The two måluppfyllelse figures, named apart everywhere. */
export const measureLabel = domain("measure");
/** The city's position against a comparison group, with a sign so colour is not needed. */
export const positionLabel = domain("position");
/** What a compared share counts: "stadsdelsnämnderna sammantaget", "kommunerna sammantaget", "kommunens eget svar". */
export const comparisonUnitLabel = domain("comparison_unit", "label");
export const findingLabel = domain("finding");
/** A self-assessment period as a sentence names it: "tertialrapport 1". */
export const periodLabel = domain("period", "label");
/** A workbook's answer against Kolada's. */
export const sourceCheckLabel = domain("source_check");
/** A nämnd's own judgement against the computed one. */
export const differenceLabel = domain("difference", "label");
/** Why a share is not compared with the year before. */
export const notComparableLabel = domain("not_comparable", "label");
/** Why a share gets no helt/delvis/ej. */
export const notGradedLabel = domain("not_graded", "label");
/** A nämnd's part in an ÖJ question. */
export const ojRoleLabel = domain("oj_role", "label");
/** A deadline per the calendar's date: a decision in time, late, none though it passed, or not yet due. */
export const dueStatusLabel = domain("due_status");
/** An action's status in an ÖJ action plan. */
export const actionStatusLabel = domain("action_status");
