// Small presentation helpers of the nämnd and bolag pages (docs/namnd/[unit].md).

/** Years as compact ranges for one line of text: [2016, 2017, 2018, 2021] → "2016–2018, 2021". */
export function yearRanges(years) {
  const sorted = [...years].sort((a, b) => a - b);
  const runs = [];
  for (const y of sorted) {
    const run = runs.at(-1);
    if (run && y === run[1] + 1) run[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(", ");
}



/** Items joined as a sentence lists them: "A, B och C" (items may be nodes). */
export const listOf = (items) => items.flatMap((x, i) => (i === 0 ? [x] : [i === items.length - 1 ? " och " : ", ", x]));
