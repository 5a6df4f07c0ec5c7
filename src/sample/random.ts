/**
 * Seeded randomness for sample data. Every draw is keyed by what it is about (unit, indicator, year…)
 * rather than taken from one running stream, so adding a unit or an indicator to the configuration does
 * not reshuffle everybody else's answers, and the order in which the generator walks the data is free.
 */

/** mulberry32: a tiny 32-bit PRNG, good enough for sample data and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the key parts: turns a description of a draw into a 32-bit seed. */
export function hashKey(parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = `${part}\u0001`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** Draws keyed by (seed, …key): the same key always gives the same numbers. */
export class Rng {
  constructor(readonly seed: number) {}

  /** A stream for one subject, when several numbers are needed about it. */
  stream(...key: (string | number)[]): () => number {
    return mulberry32(hashKey([this.seed, ...key]));
  }

  uniform(...key: (string | number)[]): number {
    return this.stream(...key)();
  }

  /** Standard normal (Box–Muller). */
  normal(...key: (string | number)[]): number {
    const next = this.stream(...key);
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  }

  chance(p: number, ...key: (string | number)[]): boolean {
    return this.uniform(...key) < p;
  }

  /** One of `items`, optionally weighted. */
  pick<T>(items: readonly T[], key: (string | number)[], weights?: readonly number[]): T {
    const u = this.uniform(...key);
    if (!weights) return items[Math.min(items.length - 1, Math.floor(u * items.length))]!;
    const total = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (let i = 0; i < items.length; i++) {
      acc += weights[i]! / total;
      if (u < acc) return items[i]!;
    }
    return items[items.length - 1]!;
  }
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => Math.log(p / (1 - p));
