import {comparisonUnitLabel} from "./labels.js";

/**
 * What a reader of Jämförelse can compare the city with in a year, named and made up as in the edition of
 * SKR's kommungruppsindelning in force that year: the standing groups, then "kommun:<unit_id>" (that
 * kommun's SKR kommungrupp that year); the single kommuner apart. comparator(choice) resolves a choice to
 * the comparator's id, name, table heading (with what it counts) and edition.
 */
export function comparisonChoices(cmp, year) {
  const edition = cmp.editions.find((e) => e.first_year <= year && (e.last_year === null || year <= e.last_year));
  const ofYearGroups = cmp.comparators.filter((c) => c.year === year);
  const groupOf = new Map(ofYearGroups.map((c) => [c.comparator_id, c]));
  const kommunOf = new Map(cmp.kommuner.filter((k) => k.edition === edition?.edition).map((k) => [`kommun:${k.unit_id}`, k]));
  const label = (c) => {
    const k = kommunOf.get(c);
    return k ? `Kommungruppen för ${k.name} (${k.group_name})` : groupOf.get(c)?.comparator_name ?? c;
  };
  const comparator = (choice) => {
    const id = kommunOf.get(choice)?.comparator_id ?? choice;
    const group = groupOf.get(id);
    return {
      id,
      name: label(choice),
      heading: [label(choice), comparisonUnitLabel[group?.comparator_unit]].filter(Boolean).join(", "),
      edition: group?.kommungrupp_edition ? cmp.editions.find((e) => e.edition === group.kommungrupp_edition) : null
    };
  };
  return {
    edition,
    singles: ofYearGroups.filter((c) => c.is_single_kommun),
    choices: [...ofYearGroups.filter((c) => c.is_standing_group).map((g) => g.comparator_id), ...kommunOf.keys()],
    label,
    comparator
  };
}
