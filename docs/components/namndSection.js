import {attainmentLabel, periodLabel, unitKindLabel as kindLabel} from "./labels.js";

/** Kinds of nämnd and self-assessment periods in Swedish (labels.js), for the nämnd pages. */
export {kindLabel, periodLabel};

/** "helt"/"delvis"/"ej" as text and symbol; no attainment as "inga uppgifter". */
export const attainment = (a) => attainmentLabel[a] ?? "inga uppgifter";
