import {html} from "htl";
import {dataTable, heatStyle} from "./table.js";
import {percent, pointsChange} from "./shared/format.js";
import {unitGroupLabel, notComparableLabel} from "./labels.js";

/**
 * One unit group's matrix for Översikt: a row per nämnd (or bolag) of the year, a column per fokusområde
 * shown per unit with its share met and, when last year has data, its change (or why it is not compared).
 * readiness: rows of dash_overview_readiness; meta: the site's meta.json (unit names, fokusområden, years).
 */
export function readinessMatrix({readiness, meta, year, group}) {
  const names = new Map(meta.namnder.map((n) => [n.unit_id, n.name]));
  const shown = meta.fokusomraden.filter((f) => f.shown_per_unit);
  const hasPrevious = meta.years.includes(year - 1);
  const rowsOfYear = readiness.filter((r) => r.year === year && r.unit_group === group);
  const matrix = [...new Set(rowsOfYear.map((r) => r.unit_id))]
    .map((unit) => Object.fromEntries([
      ["unit_id", unit],
      ["namnd", names.get(unit) ?? unit],
      ...rowsOfYear.filter((r) => r.unit_id === unit).flatMap((r) => [
        [r.fokusomrade, r.share_met],
        [`${r.fokusomrade}_change`, r.change],
        [`${r.fokusomrade}_reason`, r.not_comparable_reason]
      ])
    ]))
    .sort((a, b) => a.namnd.localeCompare(b.namnd, "sv"));
  const noun = group === "namnd" ? "nämnd" : "bolag";
  return matrix.length === 0 ? html`<p>Inga ${unitGroupLabel[group].toLowerCase()} ${year}.</p>` : dataTable(matrix, {
    caption: `Andel uppfyllt per ${noun} och fokusområde ${year}${hasPrevious ? ` (förändring mot ${year - 1} i procentenheter)` : ""}`,
    filename: `oversikt-${group}-${year}.csv`,
    columns: [
      {key: "namnd", label: group === "namnd" ? "Nämnd" : "Bolag", format: (v, r) => html`<a href="./namnd/${r.unit_id}">${v}</a>`},
      ...shown.flatMap((f) => [
        {key: f.fokusomrade, label: f.title_sv, num: true, heat: true, format: percent, style: heatStyle, rowHeader: false},
        ...(hasPrevious ? [{key: `${f.fokusomrade}_change`, label: `Förändring ${f.title_sv.toLowerCase()}`, num: true,
          format: (v, r) => (v === null || v === undefined ? notComparableLabel[r[`${f.fokusomrade}_reason`]] ?? "–" : pointsChange(v))}] : [])
      ])
    ]
  });
}
