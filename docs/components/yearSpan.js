/** The years data exist for, as a page says it: "2016–2025", or "inga år". */
export const yearSpan = (years) => (years.length ? `${years[0]}–${years.at(-1)}` : "inga år");
