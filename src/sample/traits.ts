import type { Rng } from './random.ts';

/**
 * Persistent, standard-normal traits of units ("how ready is this nämnd", "how strong in this area").
 * A unit formed by a merger inherits the mean of its predecessors' traits plus a little of its own, so
 * its answers resemble theirs and its history reads as one line.
 */
export class Traits {
  private readonly predecessors = new Map<string, string[]>();
  private readonly cache = new Map<string, number>();

  constructor(private readonly rng: Rng, lineage: readonly { predecessor_id: string; successor_id: string }[]) {
    for (const l of lineage) {
      this.predecessors.set(l.successor_id, [...(this.predecessors.get(l.successor_id) ?? []), l.predecessor_id]);
    }
  }

  get(unitId: string, ...key: string[]): number {
    const cacheKey = `${unitId}\u0001${key.join('\u0001')}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const own = this.rng.normal('trait', unitId, ...key);
    const preds = this.predecessors.get(unitId) ?? [];
    const value = preds.length
      ? (preds.reduce((sum, p) => sum + this.get(p, ...key), 0) / preds.length) * 0.9 + 0.3 * own
      : own;
    this.cache.set(cacheKey, value);
    return value;
  }
}
