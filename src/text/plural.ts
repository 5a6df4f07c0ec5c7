/** "1 mall", "2 mallar", "0 anmärkningar": a count with its noun in the right number, sv-SE digits. */
export const count = (n: number, one: string, many: string): string => `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;
